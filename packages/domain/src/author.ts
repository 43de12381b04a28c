/**
 * Who made a change to a document or an action, as the update log and an action's history record
 * it: a person's id, or null for a change the server made itself (filling in a template, giving a
 * copied action an id of its own). Null rather than a made-up id, so it can go straight into a
 * column that points at people, and a person's id is never mistaken for the server's.
 */
export type AuthorId = string | null;

/** The author of the server's own changes: no one. */
export const serverAuthor = null satisfies AuthorId;
