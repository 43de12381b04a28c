/**
 * What holds now, one row per question a family is asked: to be on the register, to have a
 * keyworker, for the keyworker to work with the family, and one row per agency for sharing
 * information. An agency gets a row when consent was ever recorded for it, or when someone from
 * it is on the team and needs that consent to open the child's records.
 */
import {
  consentKindLabels,
  currentConsents,
  needsSharingConsent,
  type Agency,
  type ConsentKind,
  type ConsentRecord,
  type TeamMember,
} from "@roundtable/domain";

export interface ConsentRow {
  key: string;
  kind: ConsentKind;
  agency: Agency | null;
  /** "To be on the Dynamic Support Register", "To share information with Northbridge CAMHS". */
  label: string;
  /** The latest record for this question, or null when nothing has been recorded. */
  current: ConsentRecord | null;
}

const caseWideKinds = ["register", "keyworker", "keyworker-works-with-family"] as const satisfies readonly ConsentKind[];

export function sharingLabel(agencyName: string): string {
  return `${consentKindLabels["share-with-agency"]} ${agencyName}`;
}

/** A record's question in words, naming the agency for sharing consent. */
export function consentLabel(record: Pick<ConsentRecord, "kind" | "agency">): string {
  if (record.kind !== "share-with-agency") return consentKindLabels[record.kind];
  return sharingLabel(record.agency?.name ?? "an agency");
}

/**
 * @param withParentsSharing whether to show the young person's own decision about their parents
 * (ADR 0026): to the people who run the case and the young person, never to the parents.
 */
export function consentRows(
  records: readonly ConsentRecord[],
  team: readonly Pick<TeamMember, "role" | "agency">[],
  agencies: readonly Agency[],
  withParentsSharing = false,
): ConsentRow[] {
  const current = currentConsents(records);
  const kinds: readonly ConsentKind[] = withParentsSharing ? [...caseWideKinds, "share-with-parents"] : caseWideKinds;
  const rows: ConsentRow[] = kinds.map((kind) => ({
    key: kind,
    kind,
    agency: null,
    label: consentKindLabels[kind],
    current: current.find((r) => r.kind === kind) ?? null,
  }));

  const sharing = new Map<string, ConsentRow>();
  for (const record of current) {
    if (record.kind !== "share-with-agency" || !record.agency) continue;
    sharing.set(record.agency.id, { key: `share:${record.agency.id}`, kind: record.kind, agency: record.agency, label: sharingLabel(record.agency.name), current: record });
  }
  // Team members carry their agency's name only; the case's agencies give its id.
  for (const member of team) {
    if (!member.agency || !needsSharingConsent(member.role)) continue;
    const agency = agencies.find((a) => a.name === member.agency);
    if (!agency || sharing.has(agency.id)) continue;
    sharing.set(agency.id, { key: `share:${agency.id}`, kind: "share-with-agency", agency, label: sharingLabel(agency.name), current: null });
  }
  const byName = [...sharing.values()].sort((a, b) => (a.agency?.name ?? "").localeCompare(b.agency?.name ?? "", "en-GB"));
  return [...rows, ...byName];
}
