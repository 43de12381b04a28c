/**
 * A tiny TCP round-robin proxy for the benchmarks, in its own process (so its work is not on the
 * event loop of the clients being timed): each new connection — an HTTP request's or a websocket
 * upgrade's — goes to the next server process in turn, and its bytes are copied both ways until
 * either side closes. Nothing is parsed: what one connection carries all lands on one process, as
 * behind any layer-4 load balancer. Clients of one document reach every process in turn.
 *
 * startRoundRobinProxy() forks this file; run as that child, it reads the ports of the servers
 * from its arguments, listens on a free port of 127.0.0.1 and tells its parent which.
 */
import { fork, type ChildProcess } from "node:child_process";
import { connect, createServer, type Socket } from "node:net";
import { fileURLToPath } from "node:url";

export interface RoundRobinProxy {
  port: number;
  pid: number;
  stop(): Promise<void>;
}

const thisFile = fileURLToPath(import.meta.url);

export async function startRoundRobinProxy(backendPorts: number[]): Promise<RoundRobinProxy> {
  if (backendPorts.length === 0) throw new Error("The round-robin proxy needs at least one server port");
  const child: ChildProcess = fork(thisFile, backendPorts.map(String), { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once("message", (m) => resolve((m as { port: number }).port));
    child.once("exit", (code) => reject(new Error(`The round-robin proxy exited with ${code} before listening`)));
  });
  return {
    port,
    pid: child.pid!,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGKILL");
      }),
  };
}

function runProxy(backendPorts: number[]): void {
  let next = 0;
  const server = createServer((inbound: Socket) => {
    const port = backendPorts[next++ % backendPorts.length]!;
    const outbound = connect({ host: "127.0.0.1", port });
    // Small frames are the whole point of a latency benchmark: never hold one back to fill a packet.
    inbound.setNoDelay(true);
    outbound.setNoDelay(true);
    inbound.pipe(outbound);
    outbound.pipe(inbound);
    const closeBoth = () => {
      inbound.destroy();
      outbound.destroy();
    };
    inbound.on("error", closeBoth).on("close", closeBoth);
    outbound.on("error", closeBoth).on("close", closeBoth);
  });
  server.listen(0, "127.0.0.1", () => {
    const address = server.address();
    process.send!({ port: typeof address === "object" && address ? address.port : 0 });
  });
  // Its parent gone (killed, say), the proxy has no one to serve.
  process.on("disconnect", () => process.exit(0));
}

if (process.argv[1] === thisFile) {
  const ports = process.argv.slice(2).map(Number);
  if (ports.length === 0 || ports.some((p) => !Number.isInteger(p) || p <= 0 || p > 65535)) {
    console.error(`round-robin-proxy: give the servers' ports as arguments, not ${JSON.stringify(process.argv.slice(2))}`);
    process.exit(2);
  }
  runProxy(ports);
}
