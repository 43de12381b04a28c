/**
 * The family's access report reads like a diary: one heading per UK day, newest day first, and
 * within a day the entries in the order the server sent them (newest first).
 */
import { formatUkDay, ukDayKey } from "../layout/uk-time";

export interface DayGroup<T> {
  /** "2026-11-25": stable, for keys and ids. */
  key: string;
  /** "Wednesday 25 November 2026". */
  heading: string;
  entries: T[];
}

export function groupByDay<T extends { at: string }>(entries: readonly T[]): DayGroup<T>[] {
  const groups: DayGroup<T>[] = [];
  const byKey = new Map<string, DayGroup<T>>();
  for (const entry of entries) {
    const key = ukDayKey(entry.at);
    let group = byKey.get(key);
    if (!group) {
      group = { key, heading: formatUkDay(entry.at), entries: [] };
      byKey.set(key, group);
      groups.push(group);
    }
    group.entries.push(entry);
  }
  return groups;
}
