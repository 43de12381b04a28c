/** Document kinds and who a document is for. Content lives in Yjs; the registry lives in Postgres. */
import { z } from "zod";

export const documentKinds = ["care-plan", "family-views", "young-person-views", "notes", "minutes", "cetr", "cetr-summary", "network-map"] as const;
export const documentKindSchema = z.enum(documentKinds);
export type DocumentKind = z.infer<typeof documentKindSchema>;

export const visibilities = ["family", "professionals", "young-person"] as const;
export const visibilitySchema = z.enum(visibilities);
export type Visibility = z.infer<typeof visibilitySchema>;

export const visibilityLabels: Record<Visibility, string> = {
  family: "Family and professionals on the case",
  professionals: "Professionals only",
  "young-person": "The young person and their keyworker",
};

export const documentKindLabels: Record<DocumentKind, string> = {
  "care-plan": "Care plan",
  "family-views": "What my family says",
  "young-person-views": "In my own words",
  notes: "Notes",
  minutes: "Meeting minutes",
  cetr: "CETR report",
  "cetr-summary": "CETR easy-read summary",
  "network-map": "Professional network map",
};

/** What a person may do with a document, from least to most. */
export const accessLevels = ["none", "read", "comment", "edit"] as const;
export type AccessLevel = (typeof accessLevels)[number];

export function atLeast(level: AccessLevel, needed: AccessLevel): boolean {
  return accessLevels.indexOf(level) >= accessLevels.indexOf(needed);
}
