/**
 * The version history in words (ADR 0028): who changed which sections of the plan and its parts
 * the reader may open, newest first, one line per person's run of edits, with "Show earlier
 * changes" a page at a time. Focus moves to the first line it brings, so a keyboard user goes on
 * reading where they were.
 */
import { editLineWords, type EditHistoryLine } from "@roundtable/domain";
import { useEffect, useId, useRef, useState } from "react";
import { getDocumentHistory } from "../api/api";
import { useResource } from "../api/use-resource";
import { formatUkDateTime } from "../layout/uk-time";

export function EditHistory({ documentId }: { documentId: string }) {
  const first = useResource(() => getDocumentHistory(documentId), `history:${documentId}`);
  const [earlierLines, setEarlierLines] = useState<EditHistoryLine[]>([]);
  const [earlier, setEarlier] = useState<string | null | undefined>(undefined);
  const [loading, setLoading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [focusAt, setFocusAt] = useState<number | null>(null);
  const list = useRef<HTMLUListElement>(null);
  const headingId = useId();

  useEffect(() => {
    if (focusAt === null) return;
    (list.current?.children[focusAt] as HTMLElement | undefined)?.focus();
    setFocusAt(null);
  }, [focusAt]);

  if (first.status === "loading") return <p>Reading the history of changes…</p>;
  if (first.status === "failed") return <p className="nhsuk-error-message">{first.error.message}</p>;
  const lines = [...first.data.lines, ...earlierLines];
  const next = earlier === undefined ? first.data.earlier : earlier;

  async function showEarlier() {
    if (!next) return;
    setLoading(true);
    setProblem(null);
    try {
      const page = await getDocumentHistory(documentId, next);
      setFocusAt(lines.length);
      setEarlierLines((shown) => [...shown, ...page.lines]);
      setEarlier(page.earlier);
    } catch (e) {
      setProblem(e instanceof Error ? e.message : "The earlier changes could not be read. Try again.");
    } finally {
      setLoading(false);
    }
  }

  return (
    <section aria-labelledby={headingId} className="rt-edit-history">
      <h3 id={headingId} className="nhsuk-heading-xs">
        Who changed what
      </h3>
      {lines.length === 0 ? (
        <p>No changes have been recorded yet.</p>
      ) : (
        <ul ref={list} className="nhsuk-list rt-edit-history__lines" data-testid="edit-history">
          {lines.map((line) => (
            <li key={`${line.at}:${line.author}:${line.from}`} tabIndex={-1}>
              {editLineWords(line)} <span className="rt-edit-history__when">— <time dateTime={line.at}>{formatUkDateTime(line.at)}</time></span>
            </li>
          ))}
        </ul>
      )}
      {problem && <p className="nhsuk-error-message">{problem}</p>}
      {next && (
        <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={() => void showEarlier()} disabled={loading}>
          {loading ? "Reading earlier changes…" : "Show earlier changes"}
        </button>
      )}
    </section>
  );
}
