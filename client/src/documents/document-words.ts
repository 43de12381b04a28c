/**
 * What a shared document is called on screen, by kind: the same editor writes care plans and
 * minutes, and each should be named the way people say it ("the plan", "the minutes").
 */
import type { AccessLevel, DocumentKind, ReaderRelation } from "@roundtable/domain";

export interface DocumentWords {
  /** "Opening the care plan…" */
  opening: string;
  /** Offline, never opened here: when it will open. */
  notOnThisDevice: string;
  readOnly: string;
  /** For people who may comment but not change the text (parents, on the care plan). */
  commentOnly: string;
  /** The editor's help line for people who can edit. */
  helpEditing: string;
  /** How to leave the editor by keyboard: said to everyone but people on a touch screen alone. */
  leaveHint: string;
  accessEndedTitle: string;
  accessEndedBody: string;
  /** data-testid on the editor itself (the end-to-end tests find the care plan by its own). */
  editorTestId: string;
}

const carePlan: DocumentWords = {
  opening: "Opening the care plan…",
  notOnThisDevice:
    "This plan has not been opened on this device before, so it will open when you are back online. We will keep trying.",
  readOnly: "You can read this plan but not change it.",
  commentOnly: "You can read this plan and comment on it: select some words, then choose Comment.",
  helpEditing: "Changes are shared with everyone on the plan as you type.",
  leaveHint: "To leave the plan, press Escape.",
  accessEndedTitle: "You no longer have access to this care plan",
  accessEndedBody: "Someone has changed who can see this plan, so you cannot see or change it now.",
  editorTestId: "care-plan-editor",
};

const minutes: DocumentWords = {
  opening: "Opening the minutes…",
  notOnThisDevice:
    "These minutes have not been opened on this device before, so they will open when you are back online. We will keep trying.",
  readOnly: "You can read these minutes but not change them.",
  commentOnly: "You can read these minutes and comment on them: select some words, then choose Comment.",
  helpEditing: "Changes are shared with everyone at the meeting as you type.",
  leaveHint: "To leave the minutes, press Escape.",
  accessEndedTitle: "You no longer have access to these minutes",
  accessEndedBody: "Someone has changed who can see this meeting, so you cannot see or change its minutes now.",
  editorTestId: "minutes-editor",
};

const otherDocument: DocumentWords = {
  opening: "Opening the document…",
  notOnThisDevice:
    "This document has not been opened on this device before, so it will open when you are back online. We will keep trying.",
  readOnly: "You can read this document but not change it.",
  commentOnly: "You can read this document and comment on it: select some words, then choose Comment.",
  helpEditing: "Changes are shared with everyone who can see this document as you type.",
  leaveHint: "To leave the document, press Escape.",
  accessEndedTitle: "You no longer have access to this document",
  accessEndedBody: "Someone has changed who can see this document, so you cannot see or change it now.",
  editorTestId: "document-editor",
};

const familyViews: DocumentWords = {
  ...otherDocument,
  opening: "Opening what your family says…",
  readOnly: "The family write this part of the plan. You can read it but not change it.",
  commentOnly: "The family write this part of the plan. You can read it and comment on it.",
  helpEditing: "This is the family's own part of the care plan. Changes are shared as you type.",
  leaveHint: "To leave it, press Escape.",
  editorTestId: "family-views-editor",
};

const youngPersonViews: DocumentWords = {
  ...otherDocument,
  opening: "Opening this part of the plan…",
  readOnly: "The young person writes this part of the plan. You can read it but not change it.",
  commentOnly: "The young person writes this part of the plan, in their own words. You can read it and comment on it.",
  helpEditing: "Changes are shared with everyone on the plan as you type.",
  leaveHint: "To leave it, press Escape.",
  editorTestId: "young-person-views-editor",
};

const cetrReport: DocumentWords = {
  ...otherDocument,
  opening: "Opening the CETR report…",
  readOnly: "You can read this report but not change it.",
  helpEditing: "Changes are shared with the panel, the ICB lead and the keyworkers as you type.",
  leaveHint: "To leave the report, press Escape.",
  accessEndedTitle: "You no longer have access to this CETR",
  accessEndedBody: "Someone has changed who can see this CETR, so you cannot see or change its report now.",
  editorTestId: "cetr-editor",
};

const cetrSummary: DocumentWords = {
  ...cetrReport,
  opening: "Opening the easy-read summary…",
  readOnly: "You can read this summary but not change it.",
  helpEditing: "Write short sentences, one idea a line. Say who will do what by when.",
  leaveHint: "To leave the summary, press Escape.",
  editorTestId: "cetr-summary-editor",
};

const networkMap: DocumentWords = {
  ...otherDocument,
  opening: "Opening the network map…",
  notOnThisDevice: "This map has not been opened on this device before, so it will open when you are back online. We will keep trying.",
  readOnly: "You can look at this map but not change it.",
  commentOnly: "You can look at this map and comment on it.",
  helpEditing: "Changes are shared with everyone who can see this map as you make them. Undo takes back your own changes, not other people's.",
  leaveHint: "",
  accessEndedTitle: "You no longer have access to this map",
  accessEndedBody: "Someone has changed who can see this map, so you cannot see or change it now.",
  editorTestId: "network-map-editor",
};

export function documentWords(kind: DocumentKind | null): DocumentWords {
  if (kind === "network-map") return networkMap;
  if (kind === "cetr") return cetrReport;
  if (kind === "cetr-summary") return cetrSummary;
  if (kind === "care-plan") return carePlan;
  if (kind === "family-views") return familyViews;
  if (kind === "young-person-views") return youngPersonViews;
  if (kind === "minutes") return minutes;
  return otherDocument;
}

/**
 * The line that points from a care plan to the family's own part of it ("What my family says"),
 * by who is reading: only the family are told it is theirs to write; the child's own keyworker
 * may write in it too, when the family ask (ADR 0026).
 */
export function familyViewsPartNote(reader: ReaderRelation, access: AccessLevel): string {
  if (reader === "parent") return access === "edit" ? " is your family's own part of the plan: write your views there." : " is your family's own part of the plan.";
  if (reader === "young-person") return " is where your family write their views. You can comment on it.";
  return access === "edit"
    ? " is written by the family themselves. Add to it only when they ask you to; what you write is shown as yours."
    : " is written by the family themselves. You can comment on it.";
}

/**
 * The line that points from a care plan to the young person's own part ("In my own words":
 * About me, What matters to me), by who is reading (ADR 0026).
 */
export function youngPersonViewsPartNote(reader: ReaderRelation, access: AccessLevel, childName: string): string {
  if (reader === "young-person") return access === "edit" ? " is your own part of the plan: write about you and what matters to you there." : " is your own part of the plan.";
  const own = ` is ${childName}'s own part of the plan, in ${childName}'s words.`;
  if (reader === "parent") return `${own} You can comment on it.`;
  if (access === "edit") return ` is ${childName}'s own part of the plan. Add to it only when ${childName} asks you to; what you write is shown as yours.`;
  return access === "comment" ? `${own} You can comment on it.` : own;
}

/** What to do when a document is full: the people who may start one are told to; others whom to ask. */
export function documentFullNextStep(reader: ReaderRelation): string {
  if (reader === "own-keyworker" || reader === "other-staff") return "then start a new document for it from the case's page.";
  if (reader === "parent" || reader === "young-person") return "then ask your keyworker to start a new document for it.";
  return "then ask the child's keyworker to start a new document for it.";
}
