/**
 * Limits on a shared document's shape that the editor and the server must agree on. The
 * server's limit is configurable (COLLAB_MAX_NESTING_DEPTH) and defaults to this; the editor
 * refuses to nest deeper than it, so a person never makes a change the server would refuse.
 */

/**
 * How deep content may nest: a block at the top of the document is at depth 1, its text at
 * depth 2, a list item's paragraph inside a list at depth 3, and so on. The editor's own
 * shapes use a handful of levels; 32 leaves room for lists inside quotes inside lists, and
 * keeps far away from what would exhaust a stack walking it.
 */
export const maxNestingDepth = 32;
