/**
 * The easy-read view of a care plan or minutes (ADR 0023): the same document, one idea a line,
 * headings in the young person's words and every action as one short sentence, "Mark Davies
 * will write a part-time timetable with Jamie by Wed 23 Dec 2026." Pure, so the wording can be
 * tested on its own; the client draws the blocks in large type.
 */
import { actionNodeName } from "./actions/action-projection.js";
import { textOf, type DocNode } from "./actions/action-projection.js";
import { actionStatusSchema } from "./actions/action-status.js";
import { carePlanSections, familyViewsSection, youngPersonViewsSections } from "./care-plan-template.js";
import { storableText } from "./text.js";

export type EasyReadBlock =
  | { kind: "heading"; level: number; text: string }
  /** One idea a line: a paragraph split into its sentences, or a list's items. */
  | { kind: "lines"; lines: string[] }
  | { kind: "actions"; sentences: string[] };

/** GET /api/easy-read/documents/:documentId: the document's content, and its actions' owners' names by id. */
export interface EasyReadSnapshot {
  documentId: string;
  title: string;
  content: DocNode;
  names: Record<string, string>;
}

/** What an action sentence needs: the names of owners by id, and how to write a due date. */
export interface EasyReadWords {
  names: ReadonlyMap<string, string>;
  formatDate(iso: string): string;
}

const headingWords = new Map([...youngPersonViewsSections, ...carePlanSections, familyViewsSection].map((s) => [s.heading.toLowerCase(), s.easyReadHeading]));

/** A care plan template heading in the young person's words; any other heading as written. */
export function easyReadHeading(heading: string): string {
  const text = heading.replace(/\s+/g, " ").trim();
  return headingWords.get(text.toLowerCase()) ?? text;
}

/** Short words with a full stop that do not end a sentence. */
const abbreviations = /(?:^|\s)(?:dr|mr|mrs|ms|st|e\.g|i\.e|etc|no)\.$/i;

/** A paragraph's sentences, one a line: split after . ! or ? before a capital or a digit, and at line breaks. */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  for (const line of text.split("\n")) {
    let current = "";
    const pieces = line.split(/(?<=[.!?]["'”’)]?)\s+(?=["'“‘(]?[A-Z0-9])/);
    for (const piece of pieces) {
      current = current ? `${current} ${piece}` : piece;
      if (!abbreviations.test(current)) {
        if (current.trim()) sentences.push(current.replace(/\s+/g, " ").trim());
        current = "";
      }
    }
    if (current.trim()) sentences.push(current.replace(/\s+/g, " ").trim());
  }
  return sentences;
}

export interface EasyReadAction {
  text: string;
  ownerName: string | null;
  /** An ISO date, or null. */
  dueDate: string | null;
  status: string;
  blockedReason?: string | null;
}

/** "Write a plan" → "write a plan", but "Jamie's plan" and "CAMHS will…" keep their capital. */
function asVerbPhrase(text: string, names: Iterable<string>): string {
  const firstWord = /^[A-Za-z]+/.exec(text)?.[0] ?? "";
  const properNames = new Set([...names].flatMap((n) => n.split(/\s+/)));
  const ordinaryWord = firstWord.length > 0 && firstWord.slice(1) === firstWord.slice(1).toLowerCase() && !properNames.has(firstWord);
  return ordinaryWord ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/** One action as one short sentence: who will do what, by when. */
export function actionSentence(action: EasyReadAction, formatDate: (iso: string) => string, names: Iterable<string> = []): string {
  const text = action.text.replace(/\s+/g, " ").trim().replace(/[.!]+$/, "");
  const what = asVerbPhrase(text, action.ownerName ? [action.ownerName, ...names] : names);
  const by = action.dueDate ? ` by ${formatDate(action.dueDate)}` : "";
  if (action.status === "done") return `Done: ${action.ownerName ? `${action.ownerName} has done this: ` : ""}${what}.`;
  if (action.status === "cancelled") return `No longer needed: ${what}.`;
  const who = action.ownerName ? `${action.ownerName} will` : "Someone still needs to be chosen to";
  const sentence = `${who} ${what}${by}.`;
  if (action.status === "blocked" && action.blockedReason) return `${sentence} This is held up: ${action.blockedReason.trim().replace(/[.!]+$/, "")}.`;
  return sentence;
}

function actionOf(node: DocNode, words: EasyReadWords): string {
  const attrs = node.attrs ?? {};
  const ownerId = typeof attrs.ownerId === "string" ? attrs.ownerId.toLowerCase() : null;
  const agencyId = typeof attrs.ownerAgencyId === "string" ? attrs.ownerAgencyId.toLowerCase() : null;
  const status = actionStatusSchema.safeParse(attrs.status);
  return actionSentence(
    {
      text: storableText(textOf(node)),
      ownerName: (ownerId && words.names.get(ownerId)) || (agencyId && words.names.get(agencyId)) || null,
      dueDate: typeof attrs.dueDate === "string" && /^\d{4}-\d{2}-\d{2}$/.test(attrs.dueDate) ? attrs.dueDate : null,
      status: status.success ? status.data : "open",
      blockedReason: typeof attrs.blockedReason === "string" ? storableText(attrs.blockedReason) : null,
    },
    words.formatDate,
    words.names.values(),
  );
}

/**
 * The document as easy-read blocks, in order. Actions next to each other make one list; a list
 * in the document gives one line per sentence of each item. Iterative, like every walk of
 * document content: deep nesting must not exhaust the stack.
 */
export function easyReadBlocks(doc: DocNode, words: EasyReadWords): EasyReadBlock[] {
  const blocks: EasyReadBlock[] = [];
  const addLines = (lines: string[]) => {
    if (lines.length > 0) blocks.push({ kind: "lines", lines });
  };
  const addAction = (sentence: string) => {
    const last = blocks.at(-1);
    if (last?.kind === "actions") last.sentences.push(sentence);
    else blocks.push({ kind: "actions", sentences: [sentence] });
  };
  const stack: DocNode[] = [...(doc.content ?? [])].reverse();
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.type === "heading") {
      const text = easyReadHeading(storableText(textOf(node)));
      const level = Number(node.attrs?.level ?? 2);
      if (text) blocks.push({ kind: "heading", level: Number.isInteger(level) ? Math.min(Math.max(level, 1), 4) : 2, text });
    } else if (node.type === actionNodeName) {
      addAction(actionOf(node, words));
    } else if (node.type === "paragraph" || node.type === "text") {
      addLines(splitSentences(storableText(textOf(node))));
    } else {
      // Lists, quotes and the like: their children, in order, each on their own lines.
      const children = node.content ?? [];
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
  }
  return blocks;
}
