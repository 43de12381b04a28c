import type { CommentAnchor, DocumentComment } from "@roundtable/domain";
import { describe, expect, it } from "vitest";
import type { PassagePlace } from "./comment-anchor";
import { arrangeComments, passagesInDocumentOrder, withComment } from "./comment-order";

const anchor: CommentAnchor = { from: { tname: "default", assoc: 0 }, to: { tname: "default", assoc: -1 } };

function comment(id: string, options: Partial<DocumentComment> = {}): DocumentComment {
  return {
    id,
    documentId: "doc",
    author: { id: "priya", name: "Priya Shah" },
    body: `Comment ${id}`,
    createdAt: `2025-11-25T10:0${id.length}:00Z`,
    anchor,
    quote: "some words",
    resolved: null,
    replies: [],
    canResolve: true,
    ...options,
  };
}

const ids = (list: DocumentComment[]) => list.map((c) => c.id);

describe("passagesInDocumentOrder", () => {
  it("lists found passages from the start of the document, leaving out the rest", () => {
    const places = new Map<string, PassagePlace>([
      ["late", { status: "found", from: 40, to: 50 }],
      ["gone", { status: "removed" }],
      ["early", { status: "found", from: 3, to: 9 }],
      ["pending", { status: "waiting" }],
      ["early-longer", { status: "found", from: 3, to: 20 }],
    ]);
    expect(passagesInDocumentOrder(places)).toEqual(["early", "early-longer", "late"]);
  });
});

describe("arrangeComments", () => {
  it("puts open conversations in document order, with whole-document ones first and lost passages last", () => {
    const comments = [
      comment("a", { createdAt: "2025-11-25T10:00:00Z" }),
      comment("b", { createdAt: "2025-11-25T10:01:00Z", anchor: null, quote: null }),
      comment("c", { createdAt: "2025-11-25T10:02:00Z" }),
      comment("d", { createdAt: "2025-11-25T10:03:00Z" }),
    ];
    expect(ids(arrangeComments(comments, ["d", "a"]).open)).toEqual(["b", "d", "a", "c"]);
  });

  it("keeps the order they were written in when the passages are not known yet", () => {
    const comments = [comment("x", { createdAt: "2025-11-25T10:05:00Z" }), comment("y", { createdAt: "2025-11-25T10:01:00Z" })];
    expect(ids(arrangeComments(comments, []).open)).toEqual(["y", "x"]);
  });

  it("lists resolved conversations apart, the most recently resolved first", () => {
    const comments = [
      comment("open"),
      comment("older", { resolved: { by: null, at: "2025-11-20T09:00:00Z" } }),
      comment("newer", { resolved: { by: { id: "tom", name: "Tom Hughes" }, at: "2025-11-24T09:00:00Z" } }),
    ];
    const arranged = arrangeComments(comments, ["older", "newer", "open"]);
    expect(ids(arranged.open)).toEqual(["open"]);
    expect(ids(arranged.resolved)).toEqual(["newer", "older"]);
  });
});

describe("withComment", () => {
  it("replaces a conversation that is already in the list, where it was", () => {
    const replied = comment("b", { replies: [{ id: "r", author: { id: "tom", name: "Tom Hughes" }, body: "Done", createdAt: "2025-11-25T11:00:00Z" }] });
    const list = withComment([comment("a"), comment("b"), comment("c")], replied);
    expect(ids(list)).toEqual(["a", "b", "c"]);
    expect(list[1]?.replies).toHaveLength(1);
  });

  it("adds a new conversation at the end", () => {
    expect(ids(withComment([comment("a")], comment("b")))).toEqual(["a", "b"]);
  });
});
