/**
 * A small disk for fault scenarios: a tmpfs of a given size mounted on a fresh directory (the
 * tests run as root), so that filling it is fast and harms nothing else. Where mounting is not
 * allowed, `tmpfs` is false and the directory is an ordinary one on the machine's disk; the
 * scenarios then say so and stand a reserve just below its free space in for a small disk.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, openSync, rmSync, statfsSync, writeSync, closeSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export interface SmallDisk {
  dir: string;
  /** True when `dir` is its own tmpfs of the size asked for. */
  tmpfs: boolean;
  /** Why there is no tmpfs, when there is not. */
  whyNot: string | null;
  freeBytes(): number;
  /**
   * Writes a file of zeros (as another program filling the disk would) until `bytes` are
   * written or the disk is full; returns its path, for `free` to delete.
   */
  fill(name: string, bytes: number): string;
  free(file: string): void;
  remove(): void;
}

export function mountSmallDisk(sizeMiB: number): SmallDisk {
  const dir = mkdtempSync(path.join(tmpdir(), "roundtable-small-disk-"));
  let whyNot: string | null = null;
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", `size=${sizeMiB}m`, "tmpfs", dir], { stdio: "pipe" });
  } catch (err) {
    whyNot = `mount -t tmpfs failed: ${err instanceof Error ? err.message.split("\n")[0] : String(err)}`;
  }
  const freeBytes = () => {
    const stats = statfsSync(dir);
    return stats.bavail * stats.bsize;
  };
  return {
    dir,
    tmpfs: whyNot === null,
    whyNot,
    freeBytes,
    fill(name, bytes) {
      const file = path.join(dir, name);
      const chunk = Buffer.alloc(1024 * 1024);
      const fd = openSync(file, "w");
      try {
        for (let written = 0; written < bytes; ) {
          const n = Math.min(chunk.length, bytes - written);
          try {
            written += writeSync(fd, chunk, 0, n);
          } catch (err) {
            if ((err as NodeJS.ErrnoException).code === "ENOSPC") break;
            throw err;
          }
        }
      } finally {
        closeSync(fd);
      }
      return file;
    },
    free(file) {
      rmSync(file, { force: true });
    },
    remove() {
      if (whyNot === null) execFileSync("umount", ["-l", dir], { stdio: "pipe" });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
