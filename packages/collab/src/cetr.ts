/**
 * The CETR document kinds: the report, whose sections are the key lines of enquiry (each with
 * its findings, then its recommendations, under which the panel writes action items), and the
 * easy-read summary for the young person and family, written alongside it.
 */
import type * as Y from "yjs";
import { keyLinesOfEnquiry, type CetrSetting } from "@roundtable/domain";
import { heading, newRichTextState, paragraph } from "./rich-text.js";

/** The sections each setting adds after the six key lines of enquiry. */
const settingSections: Record<CetrSetting, readonly string[]> = {
  community: ["What would keep me out of hospital?"],
  inpatient: ["What needs to happen for me to leave hospital?"],
};

/** One key line of enquiry as written content: findings, then recommendations (action items go under these). */
export interface CetrSectionContent {
  findings?: readonly string[];
  recommendations?: readonly { text: string; actions?: readonly Y.XmlElement[] }[];
}

function section(question: string, content: CetrSectionContent = {}): Y.XmlElement[] {
  const findings = content.findings?.length ? content.findings.map(paragraph) : [paragraph("")];
  const recommendations = content.recommendations?.length
    ? content.recommendations.flatMap((r) => [paragraph(r.text), ...(r.actions ?? [])])
    : [paragraph("")];
  return [heading(question, 2), heading("Findings", 3), ...findings, heading("Recommendations", 3), ...recommendations];
}

/** The questions a CETR in this setting works through, in order. */
export function cetrQuestions(setting: CetrSetting): string[] {
  return [...keyLinesOfEnquiry, ...settingSections[setting]];
}

/** A new CETR report: each question empty (what to write is the editor's placeholder), or with the content given. */
export function newCetrState(setting: CetrSetting, content: Readonly<Record<string, CetrSectionContent>> = {}): Uint8Array {
  return newRichTextState(cetrQuestions(setting).flatMap((q) => section(q, content[q])));
}

/** The easy-read summary's headings, in the words the young person and family read. */
export const cetrSummaryHeadings = ["What the CETR was about", "What people said", "Who will do what by when"] as const;

export function newCetrSummaryState(paragraphs: Readonly<Partial<Record<(typeof cetrSummaryHeadings)[number], readonly string[]>>> = {}): Uint8Array {
  return newRichTextState(cetrSummaryHeadings.flatMap((h) => [heading(h, 2), ...(paragraphs[h]?.length ? paragraphs[h].map(paragraph) : [paragraph("")])]));
}
