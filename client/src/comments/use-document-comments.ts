/**
 * A document's comments, kept current: read when the document opens, again whenever the server
 * says they changed (or after a reconnect), and straight away with what the server returns when
 * this person adds, replies, resolves or reopens. The list on screen stays while it is re-read.
 */
import type { DocumentComment, NewCommentBody } from "@roundtable/domain";
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiRequestError, addComment, listComments, setCommentResolved } from "../api/api";
import { useSession } from "../auth/session-context";
import { useCommentsChanged } from "../realtime/use-comments-changed";
import { withComment } from "./comment-order";

export type CommentList =
  | { status: "loading" }
  | { status: "failed"; error: ApiRequestError; retry: () => void }
  | { status: "loaded"; comments: DocumentComment[] };

export interface DocumentComments {
  list: CommentList;
  /** Add a comment or a reply; returns its conversation. Throws the server's ApiRequestError. */
  add(body: NewCommentBody): Promise<DocumentComment>;
  setResolved(commentId: string, resolved: boolean): Promise<DocumentComment>;
}

function asRequestError(error: unknown): ApiRequestError {
  return error instanceof ApiRequestError ? error : new ApiRequestError(0, "Something went wrong. Try again.");
}

export function useDocumentComments(documentId: string): DocumentComments {
  const { sessionEnded } = useSession();
  const [state, setState] = useState<{ documentId: string; list: CommentList } | null>(null);
  // Answers to older requests are dropped: a slow read must not undo a newer one.
  const latestRequest = useRef(0);

  const load = useCallback(() => {
    const request = ++latestRequest.current;
    listComments(documentId).then(
      (comments) => {
        if (request === latestRequest.current) setState({ documentId, list: { status: "loaded", comments } });
      },
      (error: unknown) => {
        if (request !== latestRequest.current) return;
        const failure = asRequestError(error);
        if (failure.isSessionEnded) return sessionEnded();
        // A failed re-read keeps the list already on screen; the next change tries again.
        setState((current) =>
          current?.documentId === documentId && current.list.status === "loaded"
            ? current
            : { documentId, list: { status: "failed", error: failure, retry: load } },
        );
      },
    );
  }, [documentId, sessionEnded]);

  useEffect(() => {
    load();
    return () => {
      latestRequest.current++;
    };
  }, [load]);
  useCommentsChanged(documentId, load);

  const show = useCallback(
    (comment: DocumentComment) => {
      latestRequest.current++;
      setState((current) => {
        const comments = current?.documentId === documentId && current.list.status === "loaded" ? current.list.comments : [];
        return { documentId, list: { status: "loaded", comments: withComment(comments, comment) } };
      });
      return comment;
    },
    [documentId],
  );

  const send = useCallback(
    async (request: () => Promise<DocumentComment>) => {
      try {
        return show(await request());
      } catch (error) {
        const failure = asRequestError(error);
        if (failure.isSessionEnded) sessionEnded();
        throw failure;
      }
    },
    [show, sessionEnded],
  );

  const add = useCallback((body: NewCommentBody) => send(() => addComment(documentId, body)), [send, documentId]);
  const setResolved = useCallback(
    (commentId: string, resolved: boolean) => send(() => setCommentResolved(commentId, resolved)),
    [send],
  );

  const list: CommentList = state?.documentId === documentId ? state.list : { status: "loading" };
  return { list, add, setResolved };
}
