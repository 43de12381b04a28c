/**
 * What a page says when it is not for the reader, or when the server refused it: in plain
 * words, by who is reading, with someone they can actually ask (never "ask the keyworker" to
 * the keyworker). Gathered here so they can be reviewed in one place.
 */
import { isFamilyRole, type Role } from "@roundtable/domain";

/** The pages someone may be sent to that are not for everyone. */
export type GatedPage = "overdue" | "cetr-actions" | "book-meeting" | "two-step" | "audit-trail" | "access-report" | "contact-details" | "agencies" | "service-report";

/** Who to ask, when the reader thinks they should have been let in. */
export function whoToAsk(role: Role): string {
  if (isFamilyRole(role)) return "If you think you should be able to see this, ask your keyworker.";
  if (role === "keyworker") return "If you think you should have access, ask a senior keyworker or the service lead.";
  if (role === "senior-keyworker" || role === "service-lead" || role === "admin") return "If you think you should have access, ask the service lead.";
  return "If you think you should have access, ask the child's keyworker.";
}

/** Why this page is not for them, in words aimed at them. */
export function notForYouReason(page: GatedPage, role: Role): string {
  const family = isFamilyRole(role);
  switch (page) {
    case "overdue":
      return family
        ? "This page is for the staff who chase actions across the keyworking service. What you have agreed to do is in My actions."
        : "This page is for keyworkers and the people who chase actions across the keyworking service. Your own actions are in My actions.";
    case "cetr-actions":
      return family
        ? "This page is for the ICB and the keyworkers who follow up the actions agreed at CETRs. Your keyworker can tell you how the actions from a CETR are going."
        : "This page is for ICB leads and keyworking staff, who follow up the actions agreed at CETRs. Your own actions are in My actions.";
    case "book-meeting":
      return family
        ? "Meetings are booked by your keyworker. If you would like a meeting, or want to say when and where it is, tell your keyworker."
        : "Meetings are booked by keyworkers, senior keyworkers, service leads and ICB leads. If a meeting is needed, ask the child's keyworker.";
    case "two-step":
      return "Two-step sign-in is for staff and professional accounts. You sign in with your email address and password.";
    case "audit-trail":
      return role === "parent" || role === "young-person"
        ? "This page is for the senior keyworkers and service lead who oversee the records. You can see who has looked at the records from the case's page."
        : "The audit trail is for senior keyworkers and the service lead, who oversee the records.";
    case "access-report":
      return "This page is for the child's family: it shows them who has looked at the child's records.";
    case "contact-details":
      return "Your keyworker keeps your contact details. If they change, tell your keyworker.";
    case "agencies":
      return "This page is for the service lead, who names the person in each agency told when its actions are escalated.";
    case "service-report":
      return family
        ? "This page is for the service lead, who reports to the board on the keyworking service. Your keyworker can tell you how things are going for your family."
        : "The service report is for the service lead, who reports to the board on the whole keyworking service. Ask the service lead for the figures you need.";
  }
}
