/**
 * The server's periodic work (overdue actions, CETR report reminders, daily digests, expired
 * sessions, birthdays, the CETR action figures, table statistics) runs through one mechanism:
 * a run never overlaps the one before it; a run that fails is logged and tried again at the next
 * turn; and stopping waits for a run already under way, so the server closes its database only
 * once no job is still using it.
 */
import type { Logger } from "pino";

export interface RepeatingJob {
  /** No more runs; resolves when a run under way has finished. */
  stop(): Promise<void>;
}

export interface RepeatingJobOptions {
  everyMs: number;
  /** Run once at start as well, not only after the first interval. */
  runAtStart?: boolean;
  /** The log line when a run fails ("… failed; it will be tried again"). */
  what: string;
  log: Logger;
}

export function repeatEvery(options: RepeatingJobOptions, work: () => Promise<void>): RepeatingJob {
  let running: Promise<void> | null = null;
  let stopped = false;
  const run = () => {
    if (running || stopped) return;
    running = work()
      .catch((err: unknown) => options.log.error({ err }, `${options.what} failed; it will be tried again`))
      .finally(() => (running = null));
  };
  if (options.runAtStart) run();
  const timer = setInterval(run, options.everyMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
