/** The agenda a new meeting starts with, by type; the chair edits it in the minutes. */
import type { MeetingType } from "@roundtable/domain";

export function defaultAgenda(type: MeetingType, caseNames: readonly string[]): string[] {
  switch (type) {
    case "tracker":
      return ["Welcome, introductions and apologies", "Actions from the last meeting", ...caseNames.map((n) => `Review: ${n}`), "Any other business", "Date of the next meeting"];
    case "professionals":
      return ["Welcome and apologies", "Updates from each agency", "Risks and concerns", "What needs to happen, by whom and by when", "Date of the next meeting"];
    case "cetr":
      return ["Welcome and introductions", "Key lines of enquiry", "Recommendations and actions", "Date of the follow-up"];
    case "cetr-follow-up":
      return ["Welcome and introductions", "The CETR's actions, one by one", "What has changed since the CETR", "Anything new to agree", "Date of the next follow-up"];
    default:
      return ["Welcome and introductions", "What is going well", "What we are worried about", "What needs to happen", "Who does what by when", "Date of the next meeting"];
  }
}
