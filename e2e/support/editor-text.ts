/**
 * Reading and moving about a shared editor in a test, as a person would, without racing it.
 *
 * Other people's carets are drawn inside the editor's DOM with their name on a label, so the
 * DOM's text is not the document's ("Priya: J" + "Priya Shah" + "amie…"): editorText leaves
 * the carets out, and blocksWithCarets says where each one stands.
 *
 * A key that only moves the caret (End, Ctrl+End) is taken by the browser at once but by the
 * editor a moment later, when the selection change reaches it; Enter pressed before then splits
 * the paragraph where the caret was. The go-to helpers wait until the editor has the move.
 */
import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";

/** Tiptap's caret widget (the coloured line and the name label inside it). */
const caretSelector = ".collaboration-carets__caret";

/** The editor's text as the document holds it: what is written, with no one's caret in it. */
export function editorText(editor: Locator): Promise<string> {
  return editor.evaluate((element, selector) => {
    const copy = element.cloneNode(true) as HTMLElement;
    for (const caret of Array.from(copy.querySelectorAll(selector))) caret.remove();
    return copy.textContent ?? "";
  }, caretSelector);
}

/**
 * The editor's blocks (paragraphs, headings), one string each, with every other person's caret
 * shown where it stands as "[Their Name]": "Priya: Jamie chose the bus route.[Priya Shah]".
 */
export function blocksWithCarets(editor: Locator): Promise<string[]> {
  return editor.evaluate((element, selector) => {
    const copy = element.cloneNode(true) as HTMLElement;
    for (const caret of Array.from(copy.querySelectorAll(selector))) caret.replaceWith(`[${caret.textContent ?? ""}]`);
    return Array.from(copy.children).map((block) => block.textContent ?? "");
  }, caretSelector);
}

type CaretPlace = "end of document" | "end of block";

/** Where the editor itself (not the browser) has the caret; Tiptap puts its editor on the element. */
function editorHasCaretAt(editor: Locator, place: CaretPlace): Promise<boolean> {
  return editor.evaluate((element, place) => {
    interface Selection {
      head: number;
      $head: { parentOffset: number; parent: { content: { size: number } } };
      constructor: { atEnd(doc: unknown): { head: number } };
    }
    const tiptap = (element as HTMLElement & { editor?: { state: { selection: Selection; doc: unknown } } }).editor;
    if (!tiptap) throw new Error("This element is not a Tiptap editor");
    const { selection, doc } = tiptap.state;
    if (place === "end of block") return selection.$head.parentOffset === selection.$head.parent.content.size;
    return selection.head === selection.constructor.atEnd(doc).head;
  }, place);
}

async function goTo(page: Page, editor: Locator, key: string, place: CaretPlace): Promise<void> {
  await page.keyboard.press(key);
  // Pressing again is harmless, and covers a press the editor missed while it was busy.
  const arrived = async (): Promise<boolean> => {
    if (await editorHasCaretAt(editor, place)) return true;
    await page.keyboard.press(key);
    return false;
  };
  await expect.poll(arrived, { timeout: 10_000 }).toBe(true);
}

/** Ctrl+End, once the editor has the caret at the end of the document. */
export function goToEndOfDocument(page: Page, editor: Locator): Promise<void> {
  return goTo(page, editor, "Control+End", "end of document");
}

/** End, once the editor has the caret at the end of its paragraph (one that fits on a line). */
export function goToEndOfBlock(page: Page, editor: Locator): Promise<void> {
  return goTo(page, editor, "End", "end of block");
}
