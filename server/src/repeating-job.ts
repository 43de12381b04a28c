/**
 * The server's periodic work (overdue actions, CETR report reminders, daily digests, expired
 * sessions, birthdays, the CETR action figures, table statistics) runs through one mechanism:
 * a run never overlaps the one before it; a run that fails is logged and tried again at the next
 * turn; and stopping waits for a run already under way, so the server closes its database only
 * once no job is still using it. With several server processes (ADR 0041), a job whose work is
 * the database's runs on one process at a time: each run takes the job's advisory lock, and a
 * process that finds it held skips that run. A job that acts on this process's own connections
 * runs on every process.
 */
import type { RunAlone } from "@roundtable/db";
import type { Logger } from "pino";

export interface RepeatingJob {
  /** No more runs; resolves when a run under way has finished. */
  stop(): Promise<void>;
  /** Resolves when the run at start (if it has one) has finished or failed. */
  readonly startRun: Promise<void>;
}

export interface RepeatingJobOptions {
  everyMs: number;
  /** Run once at start as well, not only after the first interval. */
  runAtStart?: boolean;
  /** The log line when a run fails ("… failed; it will be tried again"). */
  what: string;
  log: Logger;
  /**
   * Work that must be done once however many processes there are: the job's lock name, and the
   * database's way of taking it. null for work each process does for itself.
   */
  once: { name: string; runAlone: RunAlone } | null;
}

export function repeatEvery(options: RepeatingJobOptions, work: () => Promise<void>): RepeatingJob {
  let running: Promise<void> | null = null;
  let stopped = false;
  const run = () => {
    if (running || stopped) return;
    const { once } = options;
    running = (once ? once.runAlone(once.name, work).then(() => {}) : work())
      .catch((err: unknown) => options.log.error({ err }, `${options.what} failed; it will be tried again`))
      .finally(() => (running = null));
  };
  if (options.runAtStart) run();
  const startRun = running ?? Promise.resolve();
  const timer = setInterval(run, options.everyMs);
  timer.unref();
  return {
    startRun,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
