/**
 * A care plan or minutes in easy read (ADR 0023): read-only, from the same document as the
 * server holds it (agreed minutes as agreed); large type, one idea a line, headings in the young
 * person's words, and each action as one short sentence of who will do what, by when.
 */
import { easyReadBlocks, type EasyReadBlock } from "@roundtable/domain";
import { getEasyReadSnapshot } from "../api/api";
import { useResource } from "../api/use-resource";
import { formatDueDate } from "../actions/action-dates";
import { PageLoading } from "../layout/PageLoading";
import "./easy-read.css";

/** A heading in the document sits under the view's own heading (an h2): h3 and below. */
function DocHeading({ level, text }: { level: number; text: string }) {
  const Tag = level <= 1 ? "h3" : level === 2 ? "h4" : "h5";
  return <Tag className="rt-easy-read__heading">{text}</Tag>;
}

function Block({ block }: { block: EasyReadBlock }) {
  if (block.kind === "heading") return <DocHeading level={block.level} text={block.text} />;
  if (block.kind === "lines") {
    return (
      <>
        {block.lines.map((line, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: lines of a snapshot never move.
          <p key={i} className="rt-easy-read__line">
            {line}
          </p>
        ))}
      </>
    );
  }
  return (
    <div className="rt-easy-read__actions">
      <p className="rt-easy-read__actions-label">Who will do what, by when:</p>
      <ul className="rt-easy-read__action-list" data-testid="easy-read-actions">
        {block.sentences.map((sentence, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: lines of a snapshot never move.
          <li key={i}>{sentence}</li>
        ))}
      </ul>
    </div>
  );
}

function EasyReadPart({ documentId, part }: { documentId: string; part?: string }) {
  const loaded = useResource(() => getEasyReadSnapshot(documentId), `easy-read:${documentId}`);
  if (loaded.status === "loading") return <PageLoading label="Getting the easy-read version…" />;
  if (loaded.status === "failed") {
    return (
      <>
        <p>{loaded.error.message}</p>
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={loaded.retry}>
          Try again
        </button>
      </>
    );
  }
  const { content, names } = loaded.data;
  const blocks = easyReadBlocks(content, { names: new Map(Object.entries(names)), formatDate: formatDueDate });
  return (
    <>
      {part && <h3 className="rt-easy-read__heading">{part}</h3>}
      {blocks.length === 0 ? (
        <p className="rt-easy-read__line">Nothing has been written here yet.</p>
      ) : (
        // biome-ignore lint/suspicious/noArrayIndexKey: the blocks of a snapshot never move.
        blocks.map((block, i) => <Block key={i} block={block} />)
      )}
    </>
  );
}

interface EasyReadViewProps {
  /** The view's own heading, e.g. "The minutes in easy read". */
  heading: string;
  parts: readonly { documentId: string; part?: string }[];
}

export function EasyReadView({ heading, parts }: EasyReadViewProps) {
  return (
    <section className="rt-easy-read" aria-labelledby="easy-read-heading" data-testid="easy-read-view">
      <h2 id="easy-read-heading" className="rt-easy-read__title">
        {heading}
      </h2>
      {parts.map((p) => (
        <EasyReadPart key={p.documentId} documentId={p.documentId} part={p.part} />
      ))}
    </section>
  );
}
