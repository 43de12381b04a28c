/**
 * Asks /api/health over and over during a scenario and keeps every answer with how long it
 * took, so a scenario can check that health answered promptly and told the truth throughout.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface HealthAnswer {
  at: number;
  ms: number;
  /** "refused": nothing listening (between a stop and a start); "timed out": it hung. */
  status: number | "refused" | "timed out";
  body: HealthBody | null;
}

export interface HealthBody {
  ok: boolean;
  database?: string;
  saving?: boolean;
  backlog?: { waiting: number; oldestWaitingSeconds: number };
}

export interface HealthWatch {
  answers: HealthAnswer[];
  stop(): Promise<void>;
}

/**
 * curl in its own process does the asking and the timing, so a busy test process (it runs the
 * typists) cannot make health look slow.
 */
async function ask(url: string): Promise<Omit<HealthAnswer, "at">> {
  const marker = "\n@@";
  try {
    const { stdout } = await run("curl", ["-s", "-m", "10", "-o", "-", "-w", `${marker}%{http_code} %{time_total}`, `${url}/api/health`]);
    const [body = "", tail = ""] = stdout.split(marker);
    const [code = "0", seconds = "0"] = tail.split(" ");
    return { ms: Math.round(Number(seconds) * 1000), status: Number(code), body: JSON.parse(body) as HealthBody };
  } catch (err) {
    // curl's exit code 7: nothing listening; 28: it timed out.
    const exitCode = (err as { code?: number }).code;
    return { ms: exitCode === 28 ? 10_000 : 0, status: exitCode === 28 ? "timed out" : "refused", body: null };
  }
}

export function watchHealth(url: string, everyMs = 250): HealthWatch {
  const answers: HealthAnswer[] = [];
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const at = Date.now();
      answers.push({ at, ...(await ask(url)) });
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    answers,
    async stop() {
      stopped = true;
      await loop;
    },
  };
}

/** The slowest answer while the server was listening (a refused connection while it restarts is not an answer; a hang is). */
export function slowestAnswer(answers: readonly HealthAnswer[]): number {
  return Math.max(0, ...answers.filter((a) => a.status !== "refused").map((a) => a.ms));
}

/** The share of answers (while listening) that came within `ms`. */
export function shareWithin(answers: readonly HealthAnswer[], ms: number): number {
  const listened = answers.filter((a) => a.status !== "refused");
  return listened.length === 0 ? 1 : listened.filter((a) => a.ms < ms).length / listened.length;
}
