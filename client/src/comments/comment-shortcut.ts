/**
 * Ctrl+Alt+M starts a comment (the shortcut other document editors use). Read by key position
 * as well as by letter, since Alt changes the letter a key types on some keyboards. AltGr (which
 * browsers on Windows report as Ctrl+Alt) is left alone, so people can still type "µ" with it.
 */
export const commentShortcut = { label: "Ctrl+Alt+M", aria: "Control+Alt+M" } as const;

interface KeyPress {
  key: string;
  code: string;
  ctrlKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  metaKey: boolean;
  /** A browser's KeyboardEvent has it: tells whether AltGr is held. */
  getModifierState?(key: string): boolean;
}

export function isCommentShortcut(event: KeyPress): boolean {
  if (!event.ctrlKey || !event.altKey || event.shiftKey || event.metaKey || event.getModifierState?.("AltGraph")) return false;
  return event.code === "KeyM" || event.key.toLowerCase() === "m";
}
