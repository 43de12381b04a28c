/**
 * PDFs are written with the standard PDF fonts, which carry the Windows-1252 ("WinAnsi")
 * characters only. Everything else is replaced here: emoji are left out, a letter the fonts
 * lack becomes a visible "?" instead of a garbled glyph, and control characters are dropped.
 */

// The characters Windows-1252 puts in 0x80–0x9F (curly quotes, dashes, the euro sign…).
const windows1252Extras = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");

const replacements: Record<string, string> = {
  "\u2010": "-",
  "\u2011": "-",
  "\u2212": "-",
  "\u00a0": " ",
  "\u2009": " ",
  "\u200b": "",
  "\u2192": "->",
  "\u2190": "<-",
  "\u2713": "v",
  "\u2714": "v",
};

export function pdfSafeText(text: string): string {
  let out = "";
  for (const ch of text.normalize("NFC")) {
    const code = ch.codePointAt(0)!;
    if (ch === "\n" || ch === "\t") out += ch;
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0)) continue;
    else if (code < 0x100 || windows1252Extras.has(ch)) out += ch;
    else if (ch in replacements) out += replacements[ch];
    else if (isEmojiPart(ch)) continue;
    else out += "?";
  }
  return out;
}

/** Emoji, skin tones, the joiner that combines them and the variation selectors after them. */
function isEmojiPart(ch: string): boolean {
  const code = ch.codePointAt(0)!;
  return code === 0x200d || (code >= 0xfe00 && code <= 0xfe0f) || /\p{Extended_Pictographic}|\p{Emoji_Modifier}/u.test(ch);
}
