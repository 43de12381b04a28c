/**
 * How many rows one page of a list may hold: what the request asked for (or the list's own
 * default), never more than LIST_MAX_PAGE_SIZE. Each list's schema also has a ceiling (the wire
 * contract the client reads); this one lets a deployment lower them all in one place.
 */
import { HttpError } from "../errors.js";

export function pageSize(requested: number | undefined, listDefault: number, max: number): number {
  if (requested !== undefined && requested > max) throw new HttpError(400, `limit can be at most ${max}`);
  return Math.min(requested ?? listDefault, max);
}
