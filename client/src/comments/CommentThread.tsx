/**
 * One conversation: the passage it is about, the comment, its replies, and what this person may
 * do with it (show the passage, reply, resolve or reopen).
 */
import type { CommentReply, DocumentComment } from "@roundtable/domain";
import { useEffect, useState } from "react";
import { CommentTextForm } from "./CommentTextForm";
import { formatCommentTime } from "./comment-time";
import type { CommentWords } from "./comment-words";

export const commentElementId = (commentId: string) => `comment-${commentId}`;
export const replyButtonId = (commentId: string) => `comment-${commentId}-reply`;

interface CommentThreadProps {
  comment: DocumentComment;
  words: CommentWords;
  /** Its passage was deleted from the document. */
  removed: boolean;
  /** Its passage is in the document and can be shown. */
  showable: boolean;
  active: boolean;
  canReply: boolean;
  onShow(): void;
  onReply(text: string): Promise<void>;
  onSetResolved(resolved: boolean): Promise<void>;
}

function Byline({ item }: { item: CommentReply }) {
  return (
    <p className="rt-comment__byline">
      <strong>{item.author.name}</strong> <time dateTime={item.createdAt}>{formatCommentTime(item.createdAt)}</time>
    </p>
  );
}

function About({ comment, words, removed }: { comment: DocumentComment; words: CommentWords; removed: boolean }) {
  if (comment.anchor === null) return <p className="rt-comment__whole">{words.wholeDocument}</p>;
  return (
    <>
      {removed && <p className="rt-comment__removed">The passage this was about has been removed</p>}
      {comment.quote && (
        <blockquote className={`rt-comment__quote${removed ? " rt-comment__quote--removed" : ""}`}>
          <span className="nhsuk-u-visually-hidden">{removed ? "It said: " : "About: "}</span>
          {comment.quote}
        </blockquote>
      )}
    </>
  );
}

export function CommentThread({ comment, words, removed, showable, active, canReply, onShow, onReply, onSetResolved }: CommentThreadProps) {
  const [replying, setReplying] = useState(false);
  const [backToReplyButton, setBackToReplyButton] = useState(false);
  const [changing, setChanging] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const resolved = comment.resolved !== null;
  const replyBoxId = `${commentElementId(comment.id)}-reply-text`;
  const whose = `${comment.author.name}'s comment`;

  const closeReply = () => {
    setReplying(false);
    setBackToReplyButton(true);
  };

  // Once the reply form has gone, focus goes back to the button that opened it.
  useEffect(() => {
    if (!backToReplyButton) return;
    document.getElementById(replyButtonId(comment.id))?.focus();
    setBackToReplyButton(false);
  }, [backToReplyButton, comment.id]);

  const changeResolved = async () => {
    if (changing) return;
    setChanging(true);
    setProblem(null);
    try {
      await onSetResolved(!resolved);
    } catch (failure) {
      setProblem(failure instanceof Error ? failure.message : "Something went wrong. Try again.");
    } finally {
      setChanging(false);
    }
  };

  return (
    <article
      className={`rt-comment${active ? " rt-comment--active" : ""}${resolved ? " rt-comment--resolved" : ""}`}
      id={commentElementId(comment.id)}
      tabIndex={-1}
      data-testid="comment"
    >
      <About comment={comment} words={words} removed={removed} />
      <Byline item={comment} />
      <p className="rt-comment__body">{comment.body}</p>
      {comment.replies.length > 0 && (
        <ul className="rt-comment__replies" aria-label={`Replies to ${whose}`}>
          {comment.replies.map((reply) => (
            <li key={reply.id} className="rt-comment__reply" data-testid="comment-reply">
              <Byline item={reply} />
              <p className="rt-comment__body">{reply.body}</p>
            </li>
          ))}
        </ul>
      )}
      {comment.resolved && (
        <p className="rt-comment__resolved-by">
          Resolved{comment.resolved.by ? ` by ${comment.resolved.by.name}` : ""},{" "}
          <time dateTime={comment.resolved.at}>{formatCommentTime(comment.resolved.at)}</time>
        </p>
      )}
      {problem && (
        <p className="nhsuk-error-message">
          <span className="nhsuk-u-visually-hidden">Error:</span> {problem}
        </p>
      )}
      {replying ? (
        <CommentTextForm
          id={replyBoxId}
          label="Your reply"
          submitLabel="Send reply"
          sendingLabel="Sending…"
          rows={3}
          send={async (text) => {
            await onReply(text);
            closeReply();
          }}
          onCancel={closeReply}
        />
      ) : (
        <div className="rt-comment__actions">
          {showable && !resolved && (
            <button type="button" className="rt-comment__action" onClick={onShow}>
              {words.show}
              <span className="nhsuk-u-visually-hidden">: the words {comment.author.name} commented on</span>
            </button>
          )}
          {canReply && !resolved && (
            <button type="button" className="rt-comment__action" id={replyButtonId(comment.id)} onClick={() => setReplying(true)}>
              Reply<span className="nhsuk-u-visually-hidden"> to {whose}</span>
            </button>
          )}
          {comment.canResolve && (
            <button type="button" className="rt-comment__action" aria-disabled={changing || undefined} onClick={changeResolved}>
              {resolved ? "Reopen" : "Resolve"}
              <span className="nhsuk-u-visually-hidden"> {whose}</span>
            </button>
          )}
        </div>
      )}
    </article>
  );
}
