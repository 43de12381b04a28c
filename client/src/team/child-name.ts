/**
 * How the records pages speak about the child: by first name, as the team does ("Jamie's
 * records"), with the full name where the page needs it ("Jamie Walker's team").
 */

/** "Jamie" from "Jamie Walker"; the whole name when there is only one word. */
export function firstName(caseName: string): string {
  const trimmed = caseName.trim();
  return trimmed.split(/\s+/)[0] ?? trimmed;
}

/** "Jamie's", "James's": the UK style adds 's after a name ending in s too. */
export function possessive(name: string): string {
  return `${name}'s`;
}
