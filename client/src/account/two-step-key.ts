/** A setup key shown in groups of four, so it can be read out and typed into an app. */
export function groupedKey(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(" ") ?? secret;
}
