/**
 * Comments beside a document (below it on a phone): the open conversations in the order their
 * passages come, then the resolved ones folded away; the form for a new comment when one has
 * been started (from the editor's toolbar, Ctrl+Alt+M, or "Comment on the plan", which asks which part); and a
 * live line that says what just happened, for screen readers.
 */
import { useTouchOnly } from "../layout/input-kind";
import type { DocumentKind } from "@roundtable/domain";
import type { Editor } from "@tiptap/core";
import { useEffect, useMemo, useState } from "react";
import { useFocusAfterRender } from "../actions/use-focus-after-render";
import { PageLoading } from "../layout/PageLoading";
import { CommentTextForm } from "./CommentTextForm";
import { CommentThread, commentElementId } from "./CommentThread";
import { showCommentPassage } from "./comment-highlights";
import { arrangeComments } from "./comment-order";
import { yBindingOf } from "./comment-anchor";
import { passageForSection, sectionsOf, type DocumentSection } from "./comment-sections";
import type { SelectedPassage } from "./comment-selection";
import { commentWords } from "./comment-words";
import { useCommentHighlights } from "./use-comment-highlights";
import { useDocumentComments } from "./use-document-comments";
import "./comments.css";

/** A new comment being written. */
export interface CommentDraft {
  /** The passage it is about, or null for the whole document. */
  passage: SelectedPassage | null;
  /** Changes each time a comment is started, so the box takes focus again. */
  startedAt: number;
  /** Where focus goes back to when the comment is cancelled. */
  returnFocusTo: Element | null;
}

interface CommentsPanelProps {
  documentId: string;
  /** Which part of a meeting's minutes these are, when the page shows several (ADR 0017). */
  part?: string;
  kind: DocumentKind;
  /** The document's editor, once it is open. */
  editor: Editor | null;
  canComment: boolean;
  draft: CommentDraft | null;
  onDraftChange(draft: CommentDraft | null): void;
  className?: string;
}


function returnFocus(target: Element | null, fallback: () => void) {
  if (target instanceof HTMLElement && target.isConnected && target !== document.body) target.focus();
  else fallback();
}

export function CommentsPanel({ documentId, kind, part, editor, canComment, draft, onDraftChange, className = "" }: CommentsPanelProps) {
  // One set of ids per document: a meeting's page shows several (ADR 0017).
  const headingId = `comments-heading-${documentId}`;
  const newCommentId = `new-comment-text-${documentId}`;
  const startWholeId = `comment-on-whole-document-${documentId}`;
  const words = commentWords(kind);
  const touchOnly = useTouchOnly();
  const comments = useDocumentComments(documentId);
  const loaded = comments.list.status === "loaded" ? comments.list.data : null;
  const openComments = useMemo(() => (loaded ?? []).filter((c) => c.resolved === null), [loaded]);
  const onScreen = useCommentHighlights(editor, openComments);
  const { open, resolved } = useMemo(() => arrangeComments(loaded ?? [], onScreen.documentOrder), [loaded, onScreen.documentOrder]);
  const removed = new Set(onScreen.removed);
  const [announcement, setAnnouncement] = useState("");
  const focusAfter = useFocusAfterRender();
  const [focusWhenPlaced, setFocusWhenPlaced] = useState<string | null>(null);
  // A comment started without a selection may be about one section, chosen by its heading.
  const sectionChoiceId = `new-comment-section-${documentId}`;
  const sections = useMemo(
    () => (draft && !draft.passage && editor && !editor.isDestroyed ? sectionsOf(editor.state.doc) : []),
    [draft, editor],
  );
  const [chosenSection, setChosenSection] = useState(-1);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new comment starts about the whole document
  useEffect(() => setChosenSection(-1), [draft?.startedAt]);

  // A conversation that has just been added or reopened takes focus once it is in its place in
  // the list, which is only known when the editor has looked for its passage.
  useEffect(() => {
    if (!focusWhenPlaced) return;
    const comment = loaded?.find((c) => c.id === focusWhenPlaced);
    if (!comment) return;
    if (comment.anchor && editor && !editor.isDestroyed && !onScreen.lookedFor.includes(comment.id)) return;
    document.getElementById(commentElementId(comment.id))?.focus();
    setFocusWhenPlaced(null);
  }, [focusWhenPlaced, loaded, editor, onScreen.lookedFor]);

  const startWhole = (event: { currentTarget: Element }) =>
    onDraftChange({ passage: null, startedAt: Date.now(), returnFocusTo: event.currentTarget });

  const cancelDraft = () => {
    const target = draft?.returnFocusTo ?? null;
    onDraftChange(null);
    returnFocus(target, () => focusAfter([startWholeId, headingId]));
  };

  const sendNew = async (text: string) => {
    const passage = draft?.passage ?? sectionPassage(sections[chosenSection]);
    const created = await comments.add(passage ? { body: text, anchor: passage.anchor, quote: passage.quote } : { body: text });
    onDraftChange(null);
    setAnnouncement("Your comment has been added.");
    setFocusWhenPlaced(created.id);
  };

  /** The chosen section's heading as it stands now (others may have edited since the comment was started). */
  const sectionPassage = (chosen: DocumentSection | undefined): SelectedPassage | null => {
    if (!chosen || !editor || editor.isDestroyed) return null;
    const binding = yBindingOf(editor.state);
    const now = sectionsOf(editor.state.doc);
    const occurrence = sections.slice(0, chosenSection).filter((s) => s.heading === chosen.heading).length;
    const same = now.filter((s) => s.heading === chosen.heading)[occurrence];
    if (!binding || !same) throw new Error(`The part headed "${chosen.heading}" is no longer there. Choose another part, or the whole ${words.thing}.`);
    return passageForSection(binding, same);
  };

  const show = (commentId: string) => {
    if (!editor || editor.isDestroyed) return;
    if (showCommentPassage(editor.state, (tr) => editor.view.dispatch(tr), commentId) && editor.isEditable) editor.view.focus();
  };

  const setResolved = async (commentId: string, toResolved: boolean) => {
    const at = open.findIndex((c) => c.id === commentId);
    await comments.setResolved(commentId, toResolved);
    if (toResolved) {
      setAnnouncement("Comment resolved. It is now under Resolved.");
      // The conversation has folded away: on to the next one, or the one before.
      const neighbours = [open[at + 1], open[at - 1]].flatMap((c) => (c ? [commentElementId(c.id)] : []));
      focusAfter([...neighbours, headingId]);
    } else {
      setAnnouncement("Comment reopened.");
      setFocusWhenPlaced(commentId);
    }
  };

  const thread = (comment: (typeof open)[number]) => (
    <li key={comment.id} className="rt-comments__item">
      <CommentThread
        comment={comment}
        words={words}
        removed={removed.has(comment.id)}
        showable={editor !== null && onScreen.documentOrder.includes(comment.id)}
        active={onScreen.activeId === comment.id}
        canReply={canComment}
        onShow={() => show(comment.id)}
        onReply={async (text) => {
          await comments.add({ body: text, replyTo: comment.id });
          setAnnouncement("Your reply has been added.");
        }}
        onSetResolved={(toResolved) => setResolved(comment.id, toResolved)}
      />
    </li>
  );

  return (
    <aside className={`rt-comments rt-no-print ${className}`} aria-labelledby={headingId} data-testid="comments-panel">
      <h2 className="nhsuk-heading-m rt-comments__heading" id={headingId} tabIndex={-1}>
        {part ? `${words.heading}: ${part}` : words.heading}
        {loaded && <span className="rt-comments__count"> ({open.length} open)</span>}
      </h2>
      <p className="nhsuk-u-visually-hidden" role="status">
        {announcement}
      </p>

      {canComment && draft && (
        <div className="rt-comments__new">
          {!draft.passage && sections.length > 0 && (
            <div className="nhsuk-form-group rt-comments__section-choice">
              <label className="nhsuk-label" htmlFor={sectionChoiceId}>
                {words.sectionChoiceLabel}
              </label>
              <select
                className="nhsuk-select"
                id={sectionChoiceId}
                value={chosenSection}
                onChange={(event) => setChosenSection(Number(event.target.value))}
              >
                <option value={-1}>{words.wholeDocument}</option>
                {sections.map((section, index) => (
                  <option key={section.from} value={index}>
                    {words.sectionOption(section.heading)}
                  </option>
                ))}
              </select>
            </div>
          )}
          <CommentTextForm
            id={newCommentId}
            label="Your comment"
            about={
              draft.passage ? (
                <>
                  <p className="rt-comment-form__about-label">About these words:</p>
                  <blockquote className="rt-comment__quote">{draft.passage.quote}</blockquote>
                </>
              ) : sections.length > 0 ? undefined : (
                <p className="rt-comment__whole">{words.wholeDocument}</p>
              )
            }
            submitLabel="Add comment"
            sendingLabel="Adding…"
            focusKey={draft.startedAt}
            send={sendNew}
            onCancel={cancelDraft}
          />
        </div>
      )}
      {canComment && !draft && (
        <>
          <p className="nhsuk-hint rt-comments__how">{words.howTo(!touchOnly)}</p>
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary nhsuk-button--small rt-comments__start"
            id={startWholeId}
            onClick={startWhole}
          >
            {words.startWhole}
          </button>
        </>
      )}

      {comments.list.status === "loading" && <PageLoading label="Loading comments…" />}
      {comments.list.status === "failed" && (
        <>
          <p>{comments.list.error.message}</p>
          <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={comments.list.retry}>
            Try loading the comments again
          </button>
        </>
      )}
      {loaded && open.length === 0 && <p className="rt-comments__none">{loaded.length === 0 ? words.none : "There are no open comments."}</p>}
      {open.length > 0 && <ul className="rt-comments__list">{open.map(thread)}</ul>}
      {resolved.length > 0 && (
        <details className="nhsuk-details rt-comments__resolved">
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">Resolved ({resolved.length})</span>
          </summary>
          <div className="nhsuk-details__text">
            <ul className="rt-comments__list">{resolved.map(thread)}</ul>
          </div>
        </details>
      )}
    </aside>
  );
}
