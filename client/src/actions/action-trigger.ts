/**
 * Typing "/action" then Space or Enter adds an action. It counts at the start of a line or
 * after a space, so a web address or "and/or" never sets it off.
 */
export const actionTriggerText = "/action";

const trigger = /(^|\s)\/action$/i;

/** Where "/action" starts in the text before the cursor, or null when it is not there. */
export function findActionTrigger(textBefore: string): number | null {
  const match = trigger.exec(textBefore);
  if (!match) return null;
  return match.index + (match[1]?.length ?? 0);
}

/**
 * For Tiptap's input rules, which pass the text before the cursor plus the character just
 * typed: a match when that character is a space and "/action" comes just before it.
 */
export function matchActionTriggerOnSpace(text: string): { index: number; text: string } | null {
  const typed = text.slice(-1);
  if (typed !== " " && typed !== "\u00a0") return null;
  const index = findActionTrigger(text.slice(0, -1));
  return index === null ? null : { index, text: text.slice(index) };
}
