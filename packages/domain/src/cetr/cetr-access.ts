/**
 * Who may do what with a CETR and its two documents (the report and the easy-read summary).
 * The panel, the ICB lead and the child's keyworkers write them; professionals on the team read
 * them; the family and the young person read them once the report is agreed, never before. A
 * panel place is scoped to the one CETR and ends when the report is agreed. Once agreed, the
 * report is the record: nobody writes in it. Pure; the server looks up the facts.
 */
import type { AccessLevel } from "../documents.js";
import type { Role } from "../roles.js";
import type { CetrStatus } from "./cetr.js";

/** How a person stands to one CETR. */
export type CetrStanding =
  /** A panel member whose place has not ended. */
  | "panel"
  /** An ICB lead overseeing the child (their ICB commissions the service, or they are on the team) with the family's consent to share. */
  | "icb-lead"
  /** A keyworker or senior keyworker on the child's team. */
  | "keyworking"
  /** A service lead of the child's service. */
  | "service-lead"
  /** A professional on the team whose agency the family shares with. */
  | "team-professional"
  /** A parent or the young person, counted on the team. */
  | "family"
  | "none";

const writers: readonly CetrStanding[] = ["panel", "icb-lead", "keyworking"];

/** What this person may do with the CETR's report and summary. */
export function cetrDocumentAccess(standing: CetrStanding, status: CetrStatus): AccessLevel {
  if (standing === "none") return "none";
  if (standing === "family") return status === "agreed" ? "read" : "none";
  if (status === "agreed" || status === "withdrawn") return "read";
  return writers.includes(standing) ? "edit" : "read";
}

/**
 * Whose account may hold a place on a CETR's panel (or chair it): anyone working with children —
 * the independent chair, clinical expert and expert by experience are often from outside the
 * service — but not a family account or an administrator.
 */
export function mayHoldPanelPlace(accountRole: Role): boolean {
  return accountRole !== "parent" && accountRole !== "young-person" && accountRole !== "admin";
}

/** A CETR's panel changes until the CETR is finished: once its report is agreed (or it is withdrawn), its places have ended. */
export function cetrPanelOpen(status: CetrStatus): boolean {
  return status !== "agreed" && status !== "withdrawn";
}

/** Who may ask for a CETR: the child's keyworkers (and the service lead). */
export function mayRequestCetr(standing: CetrStanding): boolean {
  return standing === "keyworking" || standing === "service-lead";
}

/** The ICB lead arranges it (date, chair, panel). */
export function mayArrangeCetr(standing: CetrStanding): boolean {
  return standing === "icb-lead";
}

/** The chair (or the ICB lead) marks it held and agrees the report. */
export function mayConcludeCetr(standing: CetrStanding, isChair: boolean): boolean {
  return standing === "icb-lead" || (isChair && writers.includes(standing));
}

/** Withdrawn before it is held: by the ICB lead, or the keyworkers who asked for it. */
export function mayWithdrawCetr(standing: CetrStanding): boolean {
  return standing === "icb-lead" || standing === "keyworking" || standing === "service-lead";
}

/**
 * Confirming, changing or closing an action carried into the CETR: whoever writes its report,
 * until it is agreed.
 */
export function mayDecideCetrCarriedAction(standing: CetrStanding, status: CetrStatus): boolean {
  return cetrDocumentAccess(standing, status) === "edit";
}
