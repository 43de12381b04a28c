import { describe, expect, it } from "vitest";
import { isCommentShortcut } from "./comment-shortcut";

const press = (key: string, code: string, held: { ctrl?: boolean; alt?: boolean; shift?: boolean; meta?: boolean } = {}) => ({
  key,
  code,
  ctrlKey: held.ctrl ?? false,
  altKey: held.alt ?? false,
  shiftKey: held.shift ?? false,
  metaKey: held.meta ?? false,
});

describe("isCommentShortcut", () => {
  it("knows Ctrl+Alt+M", () => {
    expect(isCommentShortcut(press("m", "KeyM", { ctrl: true, alt: true }))).toBe(true);
  });

  it("knows the key by its position when Alt changes the letter it types", () => {
    expect(isCommentShortcut(press("µ", "KeyM", { ctrl: true, alt: true }))).toBe(true);
  });

  it("leaves AltGr+M to type its letter", () => {
    expect(isCommentShortcut({ ...press("µ", "KeyM", { ctrl: true, alt: true }), getModifierState: (key: string) => key === "AltGraph" })).toBe(false);
  });

  it("ignores M without both Ctrl and Alt, or with other keys held too", () => {
    expect(isCommentShortcut(press("m", "KeyM", { ctrl: true }))).toBe(false);
    expect(isCommentShortcut(press("m", "KeyM", { alt: true }))).toBe(false);
    expect(isCommentShortcut(press("M", "KeyM", { ctrl: true, alt: true, shift: true }))).toBe(false);
    expect(isCommentShortcut(press("m", "KeyM", { ctrl: true, alt: true, meta: true }))).toBe(false);
    expect(isCommentShortcut(press("n", "KeyN", { ctrl: true, alt: true }))).toBe(false);
  });
});
