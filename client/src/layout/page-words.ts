/**
 * What a page says when it is not for the reader, or when the server refused it: in plain
 * words, by who is reading, with someone they can actually ask (never "ask the keyworker" to
 * the keyworker). Gathered here so they can be reviewed in one place.
 */
import { isFamilyRole, type Role } from "@roundtable/domain";

/** The pages someone may be sent to that are not for everyone. */
export type GatedPage = "overdue" | "cetr-actions" | "register" | "book-meeting" | "two-step" | "audit-trail" | "access-report" | "contact-details" | "agencies" | "refer" | "referrals" | "service-report";

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
    case "register":
      if (family) return "This page is a list for the keyworking service's staff. Your keyworker can tell you anything you need to know.";
      return role === "keyworker"
        ? "The register of every child the service works with is for senior keyworkers and the service lead. The children you are keyworker for are on your home page, highest risk first."
        : "The register of every child the service works with is for the keyworking service's senior keyworkers and service lead.";
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
    case "refer":
      return family
        ? "Referrals to the keyworking service are made by professionals, or by the service itself when a family asks. If you would like your child to be referred, tell a professional you know or ring the keyworking service."
        : "Referrals to the register are made by professionals and the keyworking service.";
    case "referrals":
      return family
        ? "This page is for the keyworking service, who decide which children they work with."
        : "Referrals are looked at by senior keyworkers and the service lead. The referrals you made, and what happened to them, are in My referrals.";
    case "service-report":
      return family
        ? "This page is for the service lead, who reports to the board on the keyworking service. Your keyworker can tell you how things are going for your family."
        : "The service report is for the service lead, who reports to the board on the whole keyworking service. Ask the service lead for the figures you need.";
  }
}
