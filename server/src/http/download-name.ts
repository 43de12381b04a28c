/** A download's file name from a title: lower-case words joined by hyphens, short, safe in a Content-Disposition header. */
export function downloadName(title: string, fallback: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || fallback;
}
