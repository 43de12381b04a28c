/**
 * A document's comments, kept current: read when the document opens, again whenever the server
 * says they changed (or after a reconnect), and straight away with what the server returns when
 * this person adds, replies, resolves or reopens. The list on screen stays while it is re-read.
 */
import type { DocumentComment, NewCommentBody } from "@roundtable/domain";
import { useCallback } from "react";
import { addComment, listComments, setCommentResolved } from "../api/api";
import { useLiveResource, useReadFailure, type Resource } from "../api/use-resource";
import { useCommentsChanged } from "../realtime/use-comments-changed";
import { withComment } from "./comment-order";

export type CommentList = Resource<DocumentComment[]>;

export interface DocumentComments {
  list: CommentList;
  /** Add a comment or a reply; returns its conversation. Throws the server's ApiRequestError. */
  add(body: NewCommentBody): Promise<DocumentComment>;
  setResolved(commentId: string, resolved: boolean): Promise<DocumentComment>;
}

export function useDocumentComments(documentId: string): DocumentComments {
  const readFailure = useReadFailure();
  // A failed re-read keeps the list already on screen; the next change tries again.
  const { resource, refresh, change } = useLiveResource(() => listComments(documentId), `comments:${documentId}`, {
    retry: "as-refresh",
  });
  useCommentsChanged(documentId, refresh);

  const send = useCallback(
    async (request: () => Promise<DocumentComment>) => {
      try {
        const comment = await request();
        change((comments) => withComment(comments ?? [], comment));
        return comment;
      } catch (error) {
        throw readFailure(error);
      }
    },
    [change, readFailure],
  );

  const add = useCallback((body: NewCommentBody) => send(() => addComment(documentId, body)), [send, documentId]);
  const setResolved = useCallback(
    (commentId: string, resolved: boolean) => send(() => setCommentResolved(commentId, resolved)),
    [send],
  );

  return { list: resource, add, setResolved };
}
