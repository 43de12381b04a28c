/**
 * A tiny TCP round-robin proxy for the benchmarks, in its own process (so its work is not on the
 * event loop of the clients being timed): each new connection — an HTTP request's or a websocket
 * upgrade's — goes to the next server process in turn, and its bytes are copied both ways until
 * either side closes. Nothing is parsed: what one connection carries all lands on one process, as
 * behind any layer-4 load balancer. Clients of one document reach every process in turn.
 *
 * startRoundRobinProxy() forks this file; run as that child, it reads the ports of the servers
 * from its arguments, listens on a free port of 127.0.0.1 and tells its parent which.
 *
 * For the report only, it looks at the start of each connection's first packet for a
 * `bench-client=<tag>` query parameter (which the server ignores), and answers its parent's
 * question "which server did these tagged connections go to?", so a benchmark can tell an edit
 * delivered within one process from one that crossed through Redis.
 */
import { fork, type ChildProcess } from "node:child_process";
import { connect, createServer, type Socket } from "node:net";
import { fileURLToPath } from "node:url";

export interface RoundRobinProxy {
  port: number;
  pid: number;
  /** For each tag, the index (in the ports given) of the server its connection went to; null if none came. */
  serversOf(tags: string[]): Promise<(number | null)[]>;
  stop(): Promise<void>;
}

/** The query parameter a benchmark's client may carry to be told apart (see serversOf). */
export const tagParameter = "bench-client";

type ProxyMessage = { type: "listening"; port: number } | { type: "servers"; servers: (number | null)[] };

const thisFile = fileURLToPath(import.meta.url);

export async function startRoundRobinProxy(backendPorts: number[]): Promise<RoundRobinProxy> {
  if (backendPorts.length === 0) throw new Error("The round-robin proxy needs at least one server port");
  const child: ChildProcess = fork(thisFile, backendPorts.map(String), { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once("message", (m: ProxyMessage) => resolve(m.type === "listening" ? m.port : 0));
    child.once("exit", (code) => reject(new Error(`The round-robin proxy exited with ${code} before listening`)));
  });
  return {
    port,
    pid: child.pid!,
    serversOf: (tags) =>
      new Promise((resolve) => {
        child.once("message", (m: ProxyMessage) => resolve(m.type === "servers" ? m.servers : []));
        child.send({ tags });
      }),
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
  const serverOfTag = new Map<string, number>();
  const tagPattern = new RegExp(`[?&]${tagParameter}=([\\w-]+)`);
  const server = createServer((inbound: Socket) => {
    const backend = next++ % backendPorts.length;
    const outbound = connect({ host: "127.0.0.1", port: backendPorts[backend]! });
    inbound.once("data", (first: Buffer) => {
      const tag = tagPattern.exec(first.toString("latin1", 0, 2048))?.[1];
      if (tag) serverOfTag.set(tag, backend);
    });
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
    process.send!({ type: "listening", port: typeof address === "object" && address ? address.port : 0 } satisfies ProxyMessage);
  });
  process.on("message", ({ tags }: { tags: string[] }) => {
    process.send!({ type: "servers", servers: tags.map((t) => serverOfTag.get(t) ?? null) } satisfies ProxyMessage);
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
