/**
 * The one table of access rules. The server's checks, the client's menus and the tests all read
 * it. A row answers: a person with this role on the case, opening a document of this
 * visibility, may do what? Then two refinements, below: some document kinds give a role more
 * (the family edit their own part of the care plan), and people from outside the keyworking
 * service need the family's consent to share information with their agency.
 */
import { accessLevels, type AccessLevel, type DocumentKind, type Visibility } from "./documents.js";
import { isFamilyRole, type Role } from "./roles.js";

export const documentAccessRules: Record<Role, Record<Visibility, AccessLevel>> = {
  keyworker: { family: "edit", professionals: "edit", "young-person": "edit" },
  "senior-keyworker": { family: "edit", professionals: "edit", "young-person": "none" },
  "service-lead": { family: "read", professionals: "read", "young-person": "none" },
  admin: { family: "none", professionals: "none", "young-person": "none" },
  professional: { family: "edit", professionals: "edit", "young-person": "none" },
  "icb-lead": { family: "read", professionals: "read", "young-person": "none" },
  // Parents comment on the care plan; they write in their own part of it (below).
  parent: { family: "comment", professionals: "none", "young-person": "none" },
  "young-person": { family: "comment", professionals: "none", "young-person": "edit" },
};

/** Who a kind's own rule names: a role on the case, or the child's own keyworker (whatever their keyworking role). */
export type KindRuleHolder = Role | "own-keyworker";

/**
 * Document kinds that give a role something other than the table above: the parts of the care
 * plan in someone's own words (ADR 0008, ADR 0026). Their writers edit them — the parents "What
 * my family says", the young person "In my own words" — and so does the child's own keyworker,
 * who may write down what they are told (the edit is theirs on the record); everyone else who
 * may open the plan comments (or reads, where they only read the plan).
 */
export const documentKindAccessRules: Partial<Record<DocumentKind, Partial<Record<KindRuleHolder, AccessLevel>>>> = {
  "family-views": {
    parent: "edit",
    "own-keyworker": "edit",
    keyworker: "comment",
    "senior-keyworker": "comment",
    professional: "comment",
    "young-person": "comment",
  },
  "young-person-views": {
    "young-person": "edit",
    "own-keyworker": "edit",
    keyworker: "comment",
    "senior-keyworker": "comment",
    professional: "comment",
    parent: "comment",
  },
};

/** The keyworking roles a child's own keyworker holds on the team. */
const keyworkerRoles: readonly Role[] = ["keyworker", "senior-keyworker"];

/**
 * People outside the keyworking service, who open a case's documents only when the family has
 * agreed to share information with their agency (and never without one).
 */
export const rolesNeedingSharingConsent: readonly Role[] = ["professional", "icb-lead"];

export function needsSharingConsent(role: Role): boolean {
  return rolesNeedingSharingConsent.includes(role);
}

export interface DocumentAccessQuestion {
  /** The person's role on this case, or null when they are not on its team. */
  caseRole: Role | null;
  /** The person's account role (a service lead sees the whole service without a team role). */
  accountRole: Role;
  visibility: Visibility;
  kind: DocumentKind;
  /**
   * Is this person the child's own keyworker (the case's keyworker)? Counts only with a keyworking
   * role on the team: it opens the young person's own documents and lets them write in the
   * family's and the young person's parts of the plan.
   */
  isOwnKeyworker: boolean;
  /**
   * For roles needing sharing consent: has the family agreed to share information with this
   * person's agency (and not withdrawn it)?
   */
  sharingConsented: boolean;
  /**
   * For a part of another document (the family's part of a care plan): the whole's visibility
   * and kind. Nobody may open a part of a document they may not open.
   */
  whole?: { visibility: Visibility; kind: DocumentKind } | null;
}

export function documentAccess(q: DocumentAccessQuestion): AccessLevel {
  if (q.whole && documentAccess({ ...q, ...q.whole, whole: null }) === "none") return "none";
  const role = q.caseRole ?? (q.accountRole === "service-lead" ? "service-lead" : null);
  if (role === null) return "none";
  if (needsSharingConsent(role) && !q.sharingConsented) return "none";
  const ownKeyworker = q.isOwnKeyworker && keyworkerRoles.includes(role);
  if (q.visibility === "young-person") {
    if (ownKeyworker) return "edit";
    if (role === "keyworker") return "none";
  }
  const base = documentAccessRules[role][q.visibility];
  if (base === "none") return "none";
  const kindRules = documentKindAccessRules[q.kind];
  return (ownKeyworker ? kindRules?.["own-keyworker"] : undefined) ?? kindRules?.[role] ?? base;
}

/**
 * Changing a tracked action from outside the editor: anyone who edits its document may; the
 * person who owns it may move its status and due date even where they only read or comment
 * (a parent marking their own action done), but not hand it to someone else.
 */
export function mayChangeAction(q: { access: AccessLevel; isOwner: boolean; changesOwner: boolean }): boolean {
  if (q.access === "edit") return true;
  return q.access !== "none" && q.isOwner && !q.changesOwner;
}

/** Who chases overdue actions up the chain (DOMAIN.md "Escalation"). */
export const escalatingRoles: readonly Role[] = ["keyworker", "senior-keyworker", "service-lead", "icb-lead"];

/**
 * Escalating an overdue action: keyworkers, senior keyworkers, service leads and ICB leads who
 * may open the document it is in (`access`, as for changing it). Whether it is overdue, and who
 * is told, is planEscalation's answer.
 */
export function mayEscalateAction(q: { accountRole: Role; access: AccessLevel }): boolean {
  return q.access !== "none" && escalatingRoles.includes(q.accountRole);
}

/**
 * Escalations are one service pressing another: professionals see them (an owner is told of
 * theirs), families are never shown them — not the count, the notes or the history lines.
 */
export function seesEscalations(role: Role): boolean {
  return !isFamilyRole(role);
}

/**
 * Confirming, updating or closing an action a meeting carried from an earlier one (ADR 0027):
 * whoever may edit that child's part of the meeting, as they write its minutes. Someone who only
 * reads it sees the actions; an owner still changes their own from My actions (mayChangeAction).
 * Agreed minutes are read-only to everyone, so the decisions are kept as agreed.
 */
export function mayDecideCarriedAction(q: { sectionAccess: AccessLevel }): boolean {
  return q.sectionAccess === "edit";
}

/** Who runs a case: manage its team, invite people, record consent. */
export const caseManagerRoles: readonly Role[] = ["keyworker", "senior-keyworker", "service-lead"];

/**
 * Who may change a child's RAG rating: the people who run the case. Professionals from other
 * agencies and the ICB lead read its history but do not rate (the rating is the service's call).
 */
export const ragRatingChangerRoles: readonly Role[] = ["keyworker", "senior-keyworker", "service-lead"];

/** Who may read a case's audit trail. */
export const auditReaderRoles: readonly Role[] = ["service-lead", "senior-keyworker"];

/** Who is given the access report: who has looked at the child's records. */
export const accessReportRoles: readonly Role[] = ["parent", "young-person"];

/** The roles a keyworker may invite onto a case: the family and professionals from other agencies. */
export const invitableRoles = ["parent", "young-person", "professional", "icb-lead"] as const satisfies readonly Role[];

/** The keyworking service's own staff: keyworkers, senior keyworkers and the service lead. */
export const keyworkingStaffRoles: readonly Role[] = ["keyworker", "senior-keyworker", "service-lead"];

export function isKeyworkingStaff(role: Role): boolean {
  return keyworkingStaffRoles.includes(role);
}

/**
 * The roles someone may hold on a case's team, given their account: keyworking staff may take
 * any keyworking role (a senior keyworker can be a child's keyworker); everyone else holds the
 * role their account has; administrators manage accounts and are on no team.
 */
export function teamRolesFor(accountRole: Role): readonly Role[] {
  if (accountRole === "admin") return [];
  return isKeyworkingStaff(accountRole) ? keyworkingStaffRoles : [accountRole];
}

/**
 * Being the young person on a case means being the child it is about. A young-person team role
 * counts only for the case's linked account (ADR 0012); anyone else holding it — an account
 * invited as "a young person" by mistake or on purpose, or one whose link was undone — counts as
 * not on the team, and opens nothing of the case. A parent's role counts only while the young
 * person's own decision lets their parents see their records (`parentsMayOpen`, ADR 0026).
 * The server's queries apply the same rule (membershipCounts).
 */
export function teamRoleThatCounts(memberRole: Role | null, facts: { isTheLinkedYoungPerson: boolean; parentsMayOpen: boolean }): Role | null {
  if (memberRole === "young-person" && !facts.isTheLinkedYoungPerson) return null;
  if (memberRole === "parent" && !facts.parentsMayOpen) return null;
  return memberRole;
}

/**
 * Who may link a child's own account to their case (or invite the young person, which links
 * the account they accept with): the child's own keyworker, who knows them and has asked them.
 * Undoing a link is also open to the service lead: a wrong link must be undone at once, even
 * when the keyworker is away.
 */
export function mayLinkYoungPerson(q: { isOwnKeyworker: boolean }): boolean {
  return q.isOwnKeyworker;
}
export function mayUnlinkYoungPerson(q: { isOwnKeyworker: boolean; accountRole: Role }): boolean {
  return q.isOwnKeyworker || q.accountRole === "service-lead";
}

/** The role that counts for case-level rules: the team role, or service lead across the service. */
export function effectiveCaseRole(caseRole: Role | null, accountRole: Role): Role | null {
  return caseRole ?? (accountRole === "service-lead" ? "service-lead" : null);
}

/** Keyworkers, senior keyworkers, service leads and ICB leads book meetings. */
export const meetingOrganiserRoles: readonly Role[] = ["keyworker", "senior-keyworker", "service-lead", "icb-lead"];

export function canBookMeetings(role: Role): boolean {
  return meetingOrganiserRoles.includes(role);
}

export interface MeetingAccessQuestion {
  accountRole: Role;
  visibility: "family" | "professionals";
  isChair: boolean;
  isInvitee: boolean;
  /** The person's roles on the teams of the cases the meeting covers. */
  caseRoles: readonly Role[];
  /** Service leads see every meeting in their service. */
  sameService: boolean;
  /**
   * For roles needing sharing consent: has the family of every child the meeting covers agreed
   * to share information with this person's agency?
   */
  sharingConsented: boolean;
  /** Once minutes are agreed they are the record: nobody edits them any more. */
  minutesAgreed?: boolean;
}

/**
 * Who may open a meeting and its minutes, and what they may do. Professionals meetings (and
 * tracker meetings, which are always professionals-only) are never shown to family accounts.
 * The chair and professional invitees write the minutes; family invitees comment; the case
 * team and the service lead read.
 */
export function meetingAccess(q: MeetingAccessQuestion): AccessLevel {
  const access = meetingAccessBeforeAgreement(q);
  return q.minutesAgreed && access === "edit" ? "comment" : access;
}

function meetingAccessBeforeAgreement(q: MeetingAccessQuestion): AccessLevel {
  if (!q.sameService) return "none";
  if (needsSharingConsent(q.accountRole) && !q.sharingConsented) return "none";
  const family = isFamilyRole(q.accountRole);
  if (q.visibility === "professionals" && family) return "none";
  // Chairing or being invited counts only while the person is still on a covered child's team
  // (or runs the service): taking someone off the team takes them out of its meetings too.
  const stillInvolved = q.caseRoles.length > 0 || q.accountRole === "service-lead";
  if (q.isChair && stillInvolved) return "edit";
  if (q.isInvitee && stillInvolved) return family ? "comment" : "edit";
  if (q.caseRoles.some((r) => r === "keyworker" || r === "senior-keyworker")) return "edit";
  if (q.caseRoles.length > 0) return "read";
  if (q.accountRole === "service-lead") return "read";
  return "none";
}

/** The facts about one child a meeting covers that decide a person's part in that child's section. */
export interface MeetingCaseFacts {
  /** The person's role on this child's team, or null when they are not on it. */
  caseRole: Role | null;
  /** For roles needing sharing consent: has this child's family agreed to share with the person's agency? */
  sharingConsented: boolean;
}

export type MeetingCaseQuestion = Omit<MeetingAccessQuestion, "caseRoles" | "sharingConsented"> & MeetingCaseFacts;

/**
 * What a person may do with one child's section of a meeting (ADR 0017): the meeting rule above,
 * asked about that child alone — their role on that child's team, that child's family's consent.
 * A one-child meeting has one section, so this is the whole answer for it.
 */
export function meetingCaseAccess(q: MeetingCaseQuestion): AccessLevel {
  const { caseRole, ...rest } = q;
  return meetingAccess({ ...rest, caseRoles: caseRole ? [caseRole] : [] });
}

/**
 * A tracker meeting with one minutes document per child (ADR 0017): what the person may do with
 * each child's section, with the meeting (open it when at least one section opens), and with its
 * general business (the agenda and any other business name every child, so it needs them all).
 */
export function meetingPartsAccess(
  q: Omit<MeetingCaseQuestion, keyof MeetingCaseFacts>,
  cases: readonly MeetingCaseFacts[],
): { cases: AccessLevel[]; meeting: AccessLevel; general: AccessLevel } {
  const each = cases.map((c) => meetingCaseAccess({ ...q, ...c }));
  const rank = each.map((a) => accessLevels.indexOf(a));
  return {
    cases: each,
    meeting: accessLevels[Math.max(0, ...rank)]!,
    general: each.length === 0 ? "none" : accessLevels[Math.min(...rank)]!,
  };
}

/**
 * Who may be invited to a meeting, by the rule that decides who opens it: an invitee must be able
 * to open at least one child's section, so nobody is invited to a meeting they cannot open.
 * `cases` are the facts about each child the meeting covers. Returns why not, in words for the
 * booking form, or null.
 */
export function inviteeRefusal(q: { visibility: "family" | "professionals"; accountRole: Role; cases: readonly MeetingCaseFacts[] }): string | null {
  if (q.visibility === "professionals" && isFamilyRole(q.accountRole)) return "Family members cannot be invited to a professionals-only meeting";
  const sees = inviteeSees(q);
  if (sees.some(Boolean)) return null;
  if (q.accountRole !== "service-lead" && q.cases.every((c) => c.caseRole === null)) {
    return "Invite people on the team of a child this meeting is about; add them to the team first";
  }
  return q.cases.length > 1
    ? "The family of no child this meeting is about has agreed to share information with their agency, so they could not open it"
    : "The family has not agreed to share information with their agency, so they could not open this meeting";
}

/** For each child a meeting covers, whether this invitee will be able to open that child's section. */
export function inviteeSees(q: { visibility: "family" | "professionals"; accountRole: Role; cases: readonly MeetingCaseFacts[] }): boolean[] {
  const asInvitee = { accountRole: q.accountRole, visibility: q.visibility, isChair: false, isInvitee: true, sameService: true };
  return q.cases.map((c) => meetingCaseAccess({ ...asInvitee, ...c }) !== "none");
}

/** The family members of a child's team: the people whose communication needs the keyworker records. */
export const familyRoles: readonly Role[] = ["parent", "young-person"];

/**
 * Who may record someone's communication needs (ADR 0023): the person themselves, and the child's
 * own keyworker for a family member on that child's team.
 */
export function mayRecordCommunicationNeeds(q: { isSelf: boolean; isOwnKeyworker: boolean; subjectCaseRole: Role | null }): boolean {
  return q.isSelf || (q.isOwnKeyworker && q.subjectCaseRole !== null && familyRoles.includes(q.subjectCaseRole));
}

/**
 * Who is shown someone's communication needs, to meet them: the person themselves, the keyworker
 * of a child whose team they are on, and the chair of a meeting they are invited to. Nobody else.
 */
export function seesCommunicationNeeds(q: { isSelf: boolean; isOwnKeyworker: boolean; isChair: boolean }): boolean {
  return q.isSelf || q.isOwnKeyworker || q.isChair;
}
