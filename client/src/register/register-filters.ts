/**
 * The register's filters, order and page, and the query string that carries them, so a view can
 * be bookmarked or sent to a colleague: `?rating=red&keyworker=<id>|none&sort=next-cetr-due&page=2`.
 * Anything the server would refuse is left out rather than sent, and the defaults (every rating,
 * every keyworker, highest risk first, the first page) are left out of the address.
 */
import { isUuid, noKeyworkerFilter, registerQuerySchema, registerSorts, type RegisterQuery, type RegisterSort } from "@roundtable/domain";

export interface RegisterFilters {
  rating: string | null;
  /** A person's id, "none", or null for every keyworker. */
  keyworker: string | null;
  sort: RegisterSort;
  page: number;
}

export const defaultSort: RegisterSort = "rating";

function readRating(value: string | null): string | null {
  return value !== null && registerQuerySchema.shape.rating.safeParse(value).success ? value : null;
}

function readKeyworker(value: string | null): string | null {
  return value === noKeyworkerFilter || isUuid(value) ? value : null;
}

function readSort(value: string | null): RegisterSort {
  return (registerSorts as readonly string[]).includes(value ?? "") ? (value as RegisterSort) : defaultSort;
}

function readPage(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1;
}

export function readRegisterFilters(search: URLSearchParams): RegisterFilters {
  return {
    rating: readRating(search.get("rating")),
    keyworker: readKeyworker(search.get("keyworker")),
    sort: readSort(search.get("sort")),
    page: readPage(search.get("page")),
  };
}

/** The query string for this view, without the "?" ("" for the register as it first opens). */
export function registerSearch(filters: RegisterFilters): string {
  const search = new URLSearchParams();
  if (filters.rating) search.set("rating", filters.rating);
  if (filters.keyworker) search.set("keyworker", filters.keyworker);
  if (filters.sort !== defaultSort) search.set("sort", filters.sort);
  if (filters.page > 1) search.set("page", String(filters.page));
  return search.toString();
}

/** What to ask the server for: the same view, for the page and for its CSV download. */
export function registerQuery(filters: RegisterFilters): RegisterQuery {
  const query: RegisterQuery = { sort: filters.sort };
  if (filters.rating) query.rating = filters.rating;
  if (filters.keyworker) query.keyworker = filters.keyworker;
  if (filters.page > 1) query.page = filters.page;
  return query;
}

/** True while a rating or a keyworker narrows the list (the order is not a filter). */
export function hasRegisterFilters(filters: RegisterFilters): boolean {
  return filters.rating !== null || filters.keyworker !== null;
}
