/** The app's pages and the addresses they live at. */
export type Route =
  | { name: "sign-in" }
  | { name: "my-cases" }
  | { name: "my-actions" }
  | { name: "overdue" }
  | { name: "agencies" }
  | { name: "cetr-actions" }
  | { name: "register" }
  | { name: "service-report" }
  | { name: "two-step" }
  | { name: "notifications" }
  | { name: "email-choices" }
  | { name: "account" }
  | { name: "contact-details" }
  | { name: "communication-needs" }
  | { name: "member-communication-needs"; caseId: string; personId: string }
  | { name: "case"; caseId: string }
  | { name: "case-team"; caseId: string }
  | { name: "case-consent"; caseId: string }
  | { name: "case-audit"; caseId: string }
  | { name: "case-access-report"; caseId: string }
  | { name: "document"; documentId: string }
  | { name: "new-meeting" }
  | { name: "meeting"; meetingId: string }
  | { name: "cetr"; cetrId: string }
  | { name: "refer" }
  | { name: "referrals" }
  | { name: "my-referrals" }
  | { name: "invitation"; token: string }
  | { name: "password-reset" }
  | { name: "password-reset-link"; token: string }
  | { name: "not-found" };

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

export function matchRoute(pathname: string): Route {
  const parts = pathname.split("/").filter((part) => part.length > 0);
  if (parts.length === 0) return { name: "my-cases" };
  const [first, second] = parts;
  if (parts.length === 1 && first === "signin") return { name: "sign-in" };
  if (parts.length === 1 && first === "actions") return { name: "my-actions" };
  if (parts.length === 1 && first === "overdue") return { name: "overdue" };
  if (parts.length === 1 && first === "agencies") return { name: "agencies" };
  if (parts.length === 1 && first === "cetr-actions") return { name: "cetr-actions" };
  if (parts.length === 1 && first === "register") return { name: "register" };
  if (parts.length === 2 && first === "reports" && second === "service") return { name: "service-report" };
  if (parts.length === 1 && first === "password-reset") return { name: "password-reset" };
  if (parts.length === 2 && first === "account" && second === "two-step") return { name: "two-step" };
  if (parts.length === 1 && first === "notifications") return { name: "notifications" };
  if (parts.length === 1 && first === "account") return { name: "account" };
  if (parts.length === 2 && first === "account" && second === "emails") return { name: "email-choices" };
  if (parts.length === 2 && first === "account" && second === "contact") return { name: "contact-details" };
  if (parts.length === 2 && first === "account" && second === "communication-needs") return { name: "communication-needs" };
  if (parts.length === 4 && first === "cases" && second !== undefined && parts[2] === "communication-needs") {
    const caseId = decode(second);
    const personId = decode(parts[3]!);
    if (caseId !== null && personId !== null) return { name: "member-communication-needs", caseId, personId };
  }
  if (parts.length === 2 && first === "meetings" && second === "new") return { name: "new-meeting" };
  if (parts.length === 1 && first === "referrals") return { name: "referrals" };
  if (parts.length === 2 && first === "referrals" && second === "new") return { name: "refer" };
  if (parts.length === 2 && first === "referrals" && second === "mine") return { name: "my-referrals" };
  if (parts.length === 2 && second !== undefined) {
    const id = decode(second);
    if (id === null) return { name: "not-found" };
    if (first === "cases") return { name: "case", caseId: id };
    if (first === "documents") return { name: "document", documentId: id };
    if (first === "meetings") return { name: "meeting", meetingId: id };
    if (first === "cetrs") return { name: "cetr", cetrId: id };
    if (first === "invitations") return { name: "invitation", token: id };
    if (first === "password-reset") return { name: "password-reset-link", token: id };
  }
  if (parts.length === 3 && first === "cases" && second !== undefined) {
    const caseId = decode(second);
    const page = caseRecordPages.get(parts[2] ?? "");
    if (caseId !== null && page) return { name: page, caseId };
  }
  return { name: "not-found" };
}

/** A case's records-and-permissions pages, by the last part of their address. */
const caseRecordPages = new Map<string, "case-team" | "case-consent" | "case-audit" | "case-access-report">([
  ["team", "case-team"],
  ["consent", "case-consent"],
  ["audit", "case-audit"],
  ["access-report", "case-access-report"],
]);

export const paths = {
  myCases: () => "/",
  myActions: () => "/actions",
  account: () => "/account",
  twoStep: () => "/account/two-step",
  notifications: () => "/notifications",
  emailChoices: () => "/account/emails",
  contactDetails: () => "/account/contact",
  communicationNeeds: () => "/account/communication-needs",
  /** A family member's communication needs, recorded by the child's keyworker. */
  memberCommunicationNeeds: (caseId: string, personId: string) => `/cases/${encodeURIComponent(caseId)}/communication-needs/${encodeURIComponent(personId)}`,
  /** Overdue actions across the service, with its filters as a query string ("agency=…&case=…"). */
  overdue: (search = "") => (search.length > 0 ? `/overdue?${search}` : "/overdue"),
  /** The service's agencies and their escalation contacts (the service lead's). */
  agencies: () => "/agencies",
  /** The CETR follow-up dashboard, with its filters and grouping as a query string ("agency=…&group=owner"). */
  cetrActions: (search = "") => (search.length > 0 ? `/cetr-actions?${search}` : "/cetr-actions"),
  /** The register, with its filters, order and page as a query string ("rating=red&sort=keyworker"). */
  register: (search = "") => (search.length > 0 ? `/register?${search}` : "/register"),
  /** The service lead's report on the service. */
  serviceReport: () => "/reports/service",
  case: (caseId: string) => `/cases/${encodeURIComponent(caseId)}`,
  caseTeam: (caseId: string) => `/cases/${encodeURIComponent(caseId)}/team`,
  caseConsent: (caseId: string) => `/cases/${encodeURIComponent(caseId)}/consent`,
  /** The audit trail, with its filters as a query string ("personId=…&from=…"). */
  caseAudit: (caseId: string, search = "") => `/cases/${encodeURIComponent(caseId)}/audit${search ? `?${search}` : ""}`,
  caseAccessReport: (caseId: string, search = "") => `/cases/${encodeURIComponent(caseId)}/access-report${search ? `?${search}` : ""}`,
  document: (documentId: string) => `/documents/${encodeURIComponent(documentId)}`,
  meeting: (meetingId: string) => `/meetings/${encodeURIComponent(meetingId)}`,
  cetr: (cetrId: string) => `/cetrs/${encodeURIComponent(cetrId)}`,
  /** "Refer a child" to the register. */
  refer: () => "/referrals/new",
  /** "Referrals to look at": the triage queue. */
  referrals: () => "/referrals",
  /** The referrals the signed-in person made, with their outcome (linked from the referral-decided notification). */
  myReferrals: () => "/referrals/mine",
  /** The booking form, with the case it starts from when there is one. */
  /** Booking a meeting, for a case if given; with a CETR, a follow-up of that CETR. */
  newMeeting: (caseId?: string, cetrId?: string) => {
    const query = new URLSearchParams();
    if (caseId) query.set("caseId", caseId);
    if (cetrId) query.set("cetrId", cetrId);
    const search = query.toString();
    return search ? `/meetings/new?${search}` : "/meetings/new";
  },
  /** The document, scrolled to the action (the editor looks for `#action-<id>`). */
  actionInDocument: (documentId: string, actionId: string) =>
    `/documents/${encodeURIComponent(documentId)}#action-${encodeURIComponent(actionId)}`,
  /** The link in an invitation email: works signed out. */
  invitation: (token: string) => `/invitations/${encodeURIComponent(token)}`,
  /** "Forgot your password?": asking for a link by email. Works signed out. */
  passwordReset: () => "/password-reset",
  /** The link in a password reset email. */
  passwordResetLink: (token: string) => `/password-reset/${encodeURIComponent(token)}`,
  signIn: (returnTo?: string, reason?: SignInReason) => {
    const query = new URLSearchParams();
    if (returnTo && returnTo !== "/") query.set("returnTo", returnTo);
    if (reason) query.set("reason", reason);
    const text = query.toString();
    return text.length > 0 ? `/signin?${text}` : "/signin";
  },
};

/** Why the sign-in page was opened, when it should say: the session ended, or a new password was just set. */
export type SignInReason = "session-ended" | "password-changed";

/** Pages that work signed out as well as signed in: the link they were opened from is what counts. */
export const signedOutPages: readonly Route["name"][] = ["sign-in", "invitation", "password-reset", "password-reset-link"];

/** Only same-site paths may be returned to, so a crafted link cannot send people elsewhere. */
export function safeReturnPath(value: string | null): string {
  if (!value?.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  if (value.startsWith("/signin")) return "/";
  return value;
}
