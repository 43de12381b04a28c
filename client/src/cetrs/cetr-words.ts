/**
 * What the CETR screens say, gathered so a person who writes plain English can review them in one
 * place. A CETR is a Care, Education and Treatment Review; the words are DOMAIN.md's.
 */
import { cetrStatusLabels, type CetrStatus } from "@roundtable/domain";

export const cetrWords = {
  sectionHeading: "CETRs",
  sectionIntro:
    "A Care, Education and Treatment Review (CETR) is for a child at risk of going into a mental health hospital, or already in one. The keyworker asks the ICB to arrange it; a panel looks at the child's care and agrees actions with owners and dates.",
  none: "No CETR has been requested for this child.",
  request: "Request a CETR",
  reasonLabel: "Why is a CETR needed now?",
  reasonHint: "The ICB lead reads this when arranging it. For example: two A&E visits this month and the placement is at risk.",
  settingLabel: "Where is the child now?",
  requested: "CETR requested. The ICB lead has been told and will arrange it.",
  status: (status: CetrStatus) => cetrStatusLabels[status].split(" — ")[0]!,
  carriedHeading: "Actions carried over from earlier CETRs",
  carriedIntro:
    "These actions were agreed at an earlier CETR and are not finished. For each one, confirm it is on track, change its owner or date, or close it with a reason. Changes are made to the action itself, so everyone's lists show them too.",
  carriedIntroReading: "These actions were agreed at an earlier CETR and are not finished. The panel confirms, changes or closes each one.",
  carriedNone: "Nothing was left open from earlier CETRs.",
  papersHeading: "Papers for the panel",
  reportHeading: "The report",
  summaryLink: "Easy-read summary for the young person and family",
  pdfLink: "Download the report (PDF)",
  pdfAgreed: ", as agreed, with its actions table",
  pdfDraft: ", a draft until the report is agreed, with its actions table",
  bookFollowUp: "Book a follow-up meeting",
} as const;

/** A date as people read it: "Thu 14 Jan 2027". */
export function readableDate(iso: string | null): string {
  if (!iso) return "not set";
  const d = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  return d.toLocaleDateString("en-GB", { weekday: "short", day: "numeric", month: "short", year: "numeric", timeZone: "Europe/London" });
}
