/**
 * Watches the free space on the filesystem that holds PGlite's data directory, so writes can be
 * refused while it is below a reserve instead of PGlite running into a full disk (after a failed
 * WAL write PGlite never answers again, and it cannot even be reopened until space is freed).
 * The reserve must leave room for a new 16 MB WAL segment and a checkpoint.
 */
import { statfs } from "node:fs/promises";
import { DiskNearlyFullError } from "./database-state.js";

/** A write looks again when the last look is older than this: cheap, and between two looks the writes are small. */
const freshForMs = 250;
/** How often to look without writes, so the state recovers once space is freed. */
const watchEveryMs = 1000;

export class FreeSpace {
  #freeBytes: number | null = null;
  #lookedAt = 0;
  #looking: Promise<void> | null = null;
  readonly #watch: NodeJS.Timeout;

  constructor(
    private readonly dir: string,
    readonly minFreeBytes: number,
    /** Told after every look whose answer changed whether the disk is below the reserve. */
    private readonly onChange: () => void,
  ) {
    this.#watch = setInterval(() => void this.look(), watchEveryMs);
    this.#watch.unref();
  }

  /** Free bytes at the last look; null before the first or when the filesystem cannot say. */
  get freeBytes(): number | null {
    return this.#freeBytes;
  }

  get belowReserve(): boolean {
    return this.#freeBytes !== null && this.#freeBytes < this.minFreeBytes;
  }

  /** Looks at the filesystem now (concurrent callers share one look). */
  look(): Promise<void> {
    this.#looking ??= (async () => {
      const wasBelow = this.belowReserve;
      try {
        const stats = await statfs(this.dir);
        this.#freeBytes = stats.bavail * stats.bsize;
      } catch {
        // A filesystem that cannot report its space (or a directory being replaced) does not stop writes.
        this.#freeBytes = null;
      }
      this.#lookedAt = Date.now();
      if (this.belowReserve !== wasBelow) this.onChange();
    })().finally(() => (this.#looking = null));
    return this.#looking;
  }

  /** Throws DiskNearlyFullError if a write now would eat into the reserve. */
  async ensureRoomToWrite(): Promise<void> {
    if (this.minFreeBytes <= 0) return;
    if (Date.now() - this.#lookedAt > freshForMs) await this.look();
    if (this.belowReserve) throw new DiskNearlyFullError(this.#freeBytes ?? 0, this.minFreeBytes);
  }

  stop(): void {
    clearInterval(this.#watch);
  }
}
