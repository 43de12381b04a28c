/**
 * A list read a page at a time, newest first, with "Show older": the lines so far, whether there
 * may be more, and what to say when older ones arrive (or why they did not). Focus goes to the
 * first of the older lines, since the button may be gone. Older pages are asked for as the list
 * was when the first page was read (`asOf`), so a line that changes meanwhile is not skipped.
 */
import { useState } from "react";
import { ApiRequestError } from "../api/api";
import { useSession } from "../auth/session-context";

export function useOlderPages<Line extends { id: number }>(
  firstPage: readonly Line[],
  pageSize: number,
  loadOlder: (before: number, asOf: number) => Promise<Line[]>,
  noun: [string, string],
) {
  const { sessionEnded } = useSession();
  const [lines, setLines] = useState<readonly Line[]>(firstPage);
  const [more, setMore] = useState(firstPage.length === pageSize);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [firstOlderId, setFirstOlderId] = useState<number | null>(null);

  const showOlder = async () => {
    const last = lines[lines.length - 1];
    // Every older page is read as the list was when the first was: the first page's first line.
    const asOf = firstPage[0];
    if (!last || !asOf || loadingMore) return;
    setLoadingMore(true);
    setError(null);
    try {
      const older = await loadOlder(last.id, asOf.id);
      setLines((current) => [...current, ...older]);
      setMore(older.length === pageSize);
      const [one, many] = noun;
      setAnnouncement(older.length === 0 ? `There are no older ${many}.` : `${older.length} older ${older.length === 1 ? one : many} shown.`);
      if (older[0]) setFirstOlderId(older[0].id);
    } catch (failure) {
      if (failure instanceof ApiRequestError && failure.isSessionEnded) return sessionEnded();
      setError(failure instanceof ApiRequestError ? failure.message : "Something went wrong. Try again.");
    } finally {
      setLoadingMore(false);
    }
  };

  return { lines, more, loadingMore, error, announcement, firstOlderId, showOlder };
}
