/** What the comments panel calls things, by kind of document ("the plan", "the minutes"). */
import type { DocumentKind } from "@roundtable/domain";
import { commentShortcut } from "./comment-shortcut";

export interface CommentWords {
  heading: string;
  /** Shown instead of a quote on a comment about the whole document. */
  wholeDocument: string;
  /** Starts a comment with nothing selected: about the whole document, or a part chosen by its heading. */
  startWhole: string;
  /** How to comment on part of it; `keyboard` adds the shortcut (left out on a touch screen alone). */
  howTo(keyboard: boolean): string;
  none: string;
  /** The button that selects a comment's passage in the editor. */
  show: string;
  /** "plan", "minutes": the thing itself, in a sentence. */
  thing: string;
  /** For a comment started without a selection: which part it is about (the keyboard's way to comment on a section). */
  sectionChoiceLabel: string;
  sectionOption(heading: string): string;
}

function wordsFor(the: string, thing: string): CommentWords {
  return {
    heading: "Comments",
    wholeDocument: `About the whole ${thing}`,
    startWhole: `Comment on the ${thing}`,
    howTo: (keyboard) => `To comment on part of ${the}, select the words, then choose Comment${keyboard ? ` or press ${commentShortcut.label}` : ""}.`,
    none: `No one has commented on ${the} yet.`,
    show: `Show in the ${thing}`,
    thing,
    sectionChoiceLabel: "What is your comment about?",
    sectionOption: (heading) => `The part headed “${heading}”`,
  };
}

export function commentWords(kind: DocumentKind | null): CommentWords {
  if (kind === "care-plan") return wordsFor("the plan", "plan");
  if (kind === "minutes") {
    // The meeting page has "Before the meeting" comments too: say which these are.
    return {
      ...wordsFor("the minutes", "minutes"),
      heading: "Comments on the minutes",
      wholeDocument: "About the minutes as a whole",
      startWhole: "Comment on the minutes",
    };
  }
  return wordsFor("the document", "document");
}
