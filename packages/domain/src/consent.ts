/**
 * Consent, as keyworking services record it: to be on the Dynamic Support Register, to be given
 * a keyworker, for the keyworker to work with the family and professionals (a young person may
 * decline a keyworker of their own yet agree to this), and to share information with a named
 * agency; and the young person's own decision whether their parents or carers see their records
 * (ADR 0026). Only the two sharing kinds change who may open records; the others are kept on record.
 */
import { z } from "zod";
import { textField } from "./text.js";

export const consentKinds = ["register", "keyworker", "keyworker-works-with-family", "share-with-agency", "share-with-parents", "share-with-cetr-panel"] as const;
export const consentKindSchema = z.enum(consentKinds);
export type ConsentKind = z.infer<typeof consentKindSchema>;

export const consentKindLabels: Record<ConsentKind, string> = {
  register: "To be on the Dynamic Support Register",
  keyworker: "To be allocated a keyworker",
  "keyworker-works-with-family": "For the keyworker to work with the family and professionals",
  "share-with-agency": "To share information with",
  "share-with-parents": "For their parents or carers to see their records",
  "share-with-cetr-panel": "To share the CETR papers with the CETR panel",
};

export const consentDecisions = ["given", "declined"] as const;
export type ConsentDecision = (typeof consentDecisions)[number];

export const recordConsentBodySchema = z
  .object({
    kind: consentKindSchema,
    agencyId: z.uuid("Choose the agency").optional(),
    decision: z.enum(consentDecisions, { error: "Say whether consent was given or declined" }),
    givenBy: textField().trim().min(1, "Say who gave or declined consent, e.g. Claire Walker (mum)").max(200, "Keep this under 200 characters"),
    note: textField().trim().max(2000, "Keep the note under 2,000 characters").optional(),
  })
  .refine((b) => (b.kind === "share-with-agency") === (b.agencyId !== undefined), {
    message: "Choose an agency for sharing consent, and only for sharing consent",
    path: ["agencyId"],
  });
export type RecordConsentBody = z.infer<typeof recordConsentBodySchema>;

export interface ConsentRecord {
  id: string;
  caseId: string;
  kind: ConsentKind;
  agency: { id: string; name: string } | null;
  decision: ConsentDecision;
  givenBy: string;
  note: string | null;
  recordedBy: { id: string; name: string };
  recordedAt: string;
  withdrawn: { by: { id: string; name: string } | null; at: string } | null;
}

/** What holds now: for each kind (and agency), the latest record. */
export function currentConsents<T extends Pick<ConsentRecord, "kind" | "agency" | "recordedAt">>(records: readonly T[]): T[] {
  const latest = new Map<string, T>();
  for (const r of records) {
    const key = `${r.kind}:${r.agency?.id ?? ""}`;
    const seen = latest.get(key);
    if (!seen || seen.recordedAt < r.recordedAt) latest.set(key, r);
  }
  return [...latest.values()];
}

/** A record counts as consent only when it was given and has not been withdrawn. */
export function isConsentInForce(record: Pick<ConsentRecord, "decision" | "withdrawn"> | undefined): boolean {
  return record !== undefined && record.decision === "given" && record.withdrawn === null;
}

export const withdrawConsentBodySchema = z.object({
  note: textField().trim().max(2000, "Keep the note under 2,000 characters").optional(),
});
