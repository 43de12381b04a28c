/**
 * A count of changes to who may see what. Opening a connection checks access and then joins,
 * with database reads in between; a change landing in that gap would be missed by the re-check
 * of open connections (the new one is not open yet) and by the opening check (made before it).
 * So an opener notes the count before its check and, once joined, checks again if it moved.
 */
export class AccessChanges {
  private count = 0;

  /** Note before checking access; pass to `changedSince` once the connection has joined. */
  get generation(): number {
    return this.count;
  }

  /** Call before re-checking open connections after a change. */
  changed(): void {
    this.count++;
  }

  changedSince(generation: number): boolean {
    return this.count !== generation;
  }
}
