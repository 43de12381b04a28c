/**
 * The register view (GET /api/register, and the same page as CSV at /api/register.csv): every
 * child on the service's Dynamic Support Register, one row each, with what senior keyworkers
 * and the service lead work from: rating, keyworkers, the last rating change, the next meeting,
 * CETRs, and the signals that need a person to look. Filtered and sorted by the query below.
 */
import { z } from "zod";
import type { RecordedRagRating } from "../rag-rating.js";
import type { RegisterSettings, RegisterSignal } from "./register-signals.js";

export const registerSorts = ["rating", "keyworker", "last-change", "next-meeting", "next-cetr-due"] as const;
export type RegisterSort = (typeof registerSorts)[number];

/** Each order in words, saying which way it runs (each runs the way that puts what needs a look first). */
export const registerSortLabels: Record<RegisterSort, string> = {
  rating: "Rating, highest risk first",
  keyworker: "Keyworker, A to Z",
  "last-change": "Last rating change, longest ago first",
  "next-meeting": "Next meeting, soonest first",
  "next-cetr-due": "Next CETR due, soonest first",
};

/** Children a page holds unless asked otherwise, and the most it may hold. */
export const registerDefaultPageSize = 100;
export const registerMaxPageSize = 500;

/** Filtering by keyworker: a person's id, or `none` for the children with no keyworker. */
export const noKeyworkerFilter = "none";

const keyworkerFilterMessage = "keyworker must be a person's id, or none";

export const registerQuerySchema = z.object({
  /** One rating (one of the four, or a level the service added, such as yellow). */
  rating: z
    .string({ error: "rating must be a rating's name, such as red" })
    .regex(/^[a-z][a-z-]{0,39}$/, "rating must be a rating's name, such as red")
    .optional(),
  /** The children someone is keyworker or second keyworker for, or `none`: those with no keyworker. */
  keyworker: z
    .union([z.literal(noKeyworkerFilter), z.uuid(keyworkerFilterMessage)], { error: keyworkerFilterMessage })
    .optional(),
  sort: z.enum(registerSorts, { error: `sort must be one of: ${registerSorts.join(", ")}` }).optional(),
  /** Which page, from 1. */
  page: z.coerce
    .number({ error: "page must be a whole number, from 1" })
    .int("page must be a whole number, from 1")
    .min(1, "page must be a whole number, from 1")
    .max(10_000, "page can be at most 10000")
    .optional(),
  limit: z.coerce
    .number({ error: "limit must be a whole number" })
    .int("limit must be a whole number")
    .min(1, "limit must be at least 1")
    .max(registerMaxPageSize, `limit can be at most ${registerMaxPageSize}`)
    .optional(),
});
export type RegisterQuery = z.infer<typeof registerQuerySchema>;

export interface RegisterPerson {
  id: string;
  name: string;
}

export interface RegisterRow {
  child: RegisterPerson;
  rating: RecordedRagRating;
  keyworker: RegisterPerson | null;
  secondKeyworker: RegisterPerson | null;
  /** When the rating last changed (an ISO instant); the child's first rating counts as a change. */
  lastRatingChangeAt: string;
  /** The soonest booked meeting about the child (an ISO instant), or null when none is booked. */
  nextMeetingAt: string | null;
  /** ISO dates. */
  lastCetrHeldOn: string | null;
  /** See nextCetrDueOn: for children in hospital and red children only. */
  nextCetrDueOn: string | null;
  /** The soonest CETR arranged for today or later. */
  cetrArrangedOn: string | null;
  signals: RegisterSignal[];
  /** Whether the reader may open the child's case (a senior keyworker opens the cases whose team they are on). */
  mayOpen: boolean;
}

/** A keyworker of the service's children: a choice for the keyworker filter, with how many children they are keyworker for. */
export interface RegisterKeyworker extends RegisterPerson {
  caseload: number;
}

export interface RegisterPage {
  rows: RegisterRow[];
  /** How many children match the filters, across all pages. */
  total: number;
  page: number;
  pageSize: number;
  sort: RegisterSort;
  /** The day the signals were worked out for (England). */
  today: string;
  /** The ratings the service uses, for the rating filter. */
  ratings: { rating: RecordedRagRating; label: string }[];
  keyworkers: RegisterKeyworker[];
  settings: RegisterSettings;
}
