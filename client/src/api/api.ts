/**
 * The one place the client talks HTTP to the server: a function per endpoint, each returning
 * the domain type. Every failure becomes an ApiRequestError carrying the server's
 * `{ error, details }`, so screens can show the server's own plain-English message.
 *
 * Every call goes through Hono's typed client, typed by the server's own routes: the address,
 * the body sent and the answer read all come from the route, so a route changed on the server
 * fails the client's typecheck here. The server's app is imported as a type only (the one import
 * the client makes from the server): none of its code reaches the bundle.
 */
import { hc } from "hono/client";
import type {
  ContactDetailsBody,
  TeamContact,
  Action,
  CommunicationNeeds,
  EditHistoryPage,
  EasyReadSnapshot,
  PersonCommunicationNeeds,
  ReadingPreference,
  ActionEvent,
  ActionListQuery,
  Attendance,
  CarriedActionDecisionBody,
  CarriedActionsSection,
  CaseDetail,
  CaseSummary,
  CreateMeetingBody,
  DocumentComment,
  DocumentDetail,
  DocumentVersionSummary,
  NewVersionBody,
  VersionText,
  EmailPreferences,
  EmailPreferencesBody,
  InboxPage,
  LinkedYoungPerson,
  LinkYoungPersonBody,
  LoginBody,
  Me,
  Meeting,
  MeetingCommand,
  MeetingContribution,
  NewCommentBody,
  TwoStepStatus,
  UnreadCount,
  UpdateActionBody,
  PasswordResetLink,
} from "@roundtable/domain";
import type { AppType } from "../../../server/src/app.js";
import { requestJson, segment, send } from "./transport";

export { ApiRequestError } from "./transport";

export const api = hc<AppType>("/", { headers: { Accept: "application/json" }, init: { credentials: "same-origin" } }).api;

export function signIn(body: LoginBody): Promise<Me> {
  return requestJson(api.auth.login.$post({ json: body }));
}

export async function signOut(): Promise<void> {
  await send(api.auth.logout.$post());
}

export function getMe(): Promise<Me> {
  return requestJson(api.me.$get());
}

export function listCases(): Promise<CaseSummary[]> {
  return requestJson(api.cases.$get());
}

export function getCase(caseId: string): Promise<CaseDetail> {
  return requestJson(api.cases[":caseId"].$get({ param: { caseId: segment(caseId) } }));
}

export function getDocument(documentId: string): Promise<DocumentDetail> {
  return requestJson(api.documents[":documentId"].$get({ param: { documentId: segment(documentId) } }));
}

/** A document's conversations, oldest first, each with its replies. */
export function listComments(documentId: string): Promise<DocumentComment[]> {
  return requestJson(api.documents[":documentId"].comments.$get({ param: { documentId: segment(documentId) } }));
}

/** A new comment (on a passage, or the whole document) or a reply; returns its conversation. */
export function addComment(documentId: string, body: NewCommentBody): Promise<DocumentComment> {
  return requestJson(api.documents[":documentId"].comments.$post({ param: { documentId: segment(documentId) }, json: body }));
}

/** Resolve a conversation, or reopen it. */
export function setCommentResolved(commentId: string, resolved: boolean): Promise<DocumentComment> {
  return requestJson(api.comments[":commentId"].$patch({ param: { commentId: segment(commentId) }, json: { resolved } }));
}

/** Actions the signed-in person may see, narrowed by owner ("me" or a person id), case, status or overdue. */
export function listActions(query: ActionListQuery = {}): Promise<Action[]> {
  return requestJson(api.actions.$get({ query }));
}

/** Change an action's status, due date or owner; the server changes the document too. */
export function updateAction(actionId: string, body: UpdateActionBody): Promise<Action> {
  return requestJson(api.actions[":id"].$patch({ param: { id: segment(actionId) }, json: body }));
}

/** What has happened to an action: created, and every change since, with who and when. */
export function listActionEvents(actionId: string): Promise<ActionEvent[]> {
  return requestJson(api.actions[":id"].events.$get({ param: { id: segment(actionId) } }));
}

/** A case's meetings, newest first, including tracker meetings that review it. */
export function listCaseMeetings(caseId: string): Promise<Meeting[]> {
  return requestJson(api.cases[":caseId"].meetings.$get({ param: { caseId: segment(caseId) } }));
}

/** Book a meeting; its minutes document is created with it. */
export function createMeeting(body: CreateMeetingBody): Promise<Meeting> {
  return requestJson(api.meetings.$post({ json: body }));
}

const meeting = (meetingId: string) => ({ param: { id: segment(meetingId) } });

export function getMeeting(meetingId: string): Promise<Meeting> {
  return requestJson(api.meetings[":id"].$get(meeting(meetingId)));
}

/** Start or end the meeting, or agree its minutes (409 with the reason when out of order). */
export function commandMeeting(meetingId: string, command: MeetingCommand): Promise<Meeting> {
  return requestJson(api.meetings[":id"].commands.$post({ ...meeting(meetingId), json: { command } }));
}

export function setAttendance(meetingId: string, personId: string, attendance: Attendance): Promise<Meeting> {
  return requestJson(api.meetings[":id"].attendance.$put({ ...meeting(meetingId), json: { personId, attendance } }));
}

/** The agenda item the chair is on (0 is the first), or null for none. */
export function setAgendaItem(meetingId: string, item: number | null): Promise<Meeting> {
  return requestJson(api.meetings[":id"]["agenda-item"].$put({ ...meeting(meetingId), json: { item } }));
}

export function listContributions(meetingId: string): Promise<MeetingContribution[]> {
  return requestJson(api.meetings[":id"].contributions.$get(meeting(meetingId)));
}

/** Comments before the meeting, or a written contribution from someone who cannot come. */
export function addContribution(meetingId: string, body: { text: string; caseId?: string }): Promise<MeetingContribution> {
  return requestJson(api.meetings[":id"].contributions.$post({ ...meeting(meetingId), json: body }));
}

/** Each child's "Actions from the last meeting", for the parts of the meeting the reader may open (ADR 0027). */
export function listCarriedActions(meetingId: string): Promise<CarriedActionsSection[]> {
  return requestJson(api.meetings[":id"]["carried-actions"].$get(meeting(meetingId)));
}

/** Confirm, update or close an action the meeting carried; the answer is that child's list as it now stands. */
export function decideCarriedAction(meetingId: string, actionId: string, body: CarriedActionDecisionBody): Promise<CarriedActionsSection[]> {
  return requestJson(api.meetings[":id"]["carried-actions"][":actionId"].$post({ param: { id: segment(meetingId), actionId: segment(actionId) }, json: body }));
}

/** The calendar file for a meeting: a download link, not a request this module makes. */
export function meetingInviteAddress(meetingId: string): string {
  return api.meetings[":id"]["invite.ics"].$path(meeting(meetingId));
}

/** The minutes as a PDF: as agreed once they are, otherwise the draft as it stands. */
export function meetingMinutesPdfAddress(meetingId: string): string {
  return api.meetings[":id"]["minutes.pdf"].$path(meeting(meetingId));
}

/** A document (a care plan with the parts the reader may open) as a PDF: now, or as a named version kept it. */
export function documentPdfAddress(documentId: string, versionId?: string): string {
  const path = api.documents[":documentId"].pdf.$path({ param: { documentId: segment(documentId) } });
  return versionId ? `${path}?version=${encodeURIComponent(versionId)}` : path;
}

/** Today's text of a document and the parts the reader may open. */
export function getDocumentText(documentId: string): Promise<VersionText> {
  // A document's blocks nest without end, which the typed client widens to any JSON: the same shape.
  return requestJson(api.documents[":documentId"].text.$get({ param: { documentId: segment(documentId) } })) as Promise<unknown> as Promise<VersionText>;
}

/** Who changed which sections of a document (and the parts the reader may open), newest first; `before` is the page's `earlier`. */
export function getDocumentHistory(documentId: string, before?: string): Promise<EditHistoryPage> {
  return requestJson(api.documents[":documentId"].history.$get({ param: { documentId: segment(documentId) }, query: before ? { before } : {} }));
}

export function listDocumentVersions(documentId: string): Promise<DocumentVersionSummary[]> {
  return requestJson(api.documents[":documentId"].versions.$get({ param: { documentId: segment(documentId) } }));
}

export function getDocumentVersion(documentId: string, versionId: string): Promise<VersionText> {
  return requestJson(api.documents[":documentId"].versions[":versionId"].$get({ param: { documentId: segment(documentId), versionId: segment(versionId) } })) as Promise<unknown> as Promise<VersionText>;
}

/** Keep the document as it stands now (with its parts) under a name. */
export function saveDocumentVersion(documentId: string, body: NewVersionBody): Promise<DocumentVersionSummary> {
  return requestJson(api.documents[":documentId"].versions.$post({ param: { documentId: segment(documentId) }, json: body }));
}

/** Tell the server a document was printed, for the audit trail. Best effort: printing goes on. */
export async function recordPrinted(documentId: string): Promise<void> {
  await send(api.documents[":documentId"].printed.$post({ param: { documentId: segment(documentId) } })).catch(() => undefined);
}

/** A print of a meeting page: on the trail of each child's minutes the reader was shown. */
export async function recordMeetingPrinted(meetingId: string): Promise<void> {
  await send(api.meetings[":id"].printed.$post(meeting(meetingId))).catch(() => undefined);
}

// Inviting people onto a case's team, and accepting an invitation from its link.
import type {
  AcceptInvitationBody,
  CreatedInvitation,
  CreateInvitationRequest,
  Invitation,
  InvitationAccepted,
  InvitationDescription,
} from "@roundtable/domain";

const caseParam = (caseId: string) => ({ param: { caseId: segment(caseId) } });

/** Invite someone by email; the answer carries the link, shown once, to pass on if email does not reach them. */
export function inviteToCase(caseId: string, body: CreateInvitationRequest): Promise<CreatedInvitation> {
  return requestJson(api.cases[":caseId"].invitations.$post({ ...caseParam(caseId), json: body }));
}

/** A case's invitations, newest first (for the people who run the case). */
export function listInvitations(caseId: string): Promise<Invitation[]> {
  return requestJson(api.cases[":caseId"].invitations.$get(caseParam(caseId)));
}

export function withdrawInvitation(caseId: string, invitationId: string): Promise<Invitation> {
  return requestJson(
    api.cases[":caseId"].invitations[":invitationId"].withdraw.$post({ param: { caseId: segment(caseId), invitationId: segment(invitationId) } }),
  );
}

// "Forgot your password?" (signed out): ask for a link, check it, set a new password with it.
export function requestPasswordReset(email: string): Promise<{ message: string }> {
  return requestJson(api.auth["password-reset"].$post({ json: { email } }));
}

/** Whether a reset link still works (404 not valid, 410 used or expired). */
export function checkPasswordResetLink(token: string): Promise<PasswordResetLink> {
  return requestJson(api.auth["password-reset"][":token"].$get({ param: { token: segment(token) } }));
}

export async function resetPassword(token: string, password: string): Promise<void> {
  await send(api.auth["password-reset"][":token"].$post({ param: { token: segment(token) }, json: { password } }));
}

/** What an invitation's link is for; works signed out (404 not valid, 410 expired or withdrawn). */
export function getInvitation(token: string): Promise<InvitationDescription> {
  return requestJson(api.invitations[":token"].$get({ param: { token: segment(token) } }));
}

/** Accept: with a name and new password, or an existing account's password. Signs the person in. */
export function acceptInvitation(token: string, body: AcceptInvitationBody): Promise<InvitationAccepted> {
  return requestJson(api.invitations[":token"].accept.$post({ param: { token: segment(token) }, json: body }));
}

// A case's team, consent and records of access: changing roles, removing people, recording and
// withdrawing consent, the audit trail and the family's access report.
import type { AccessReportEntry, AuditEvent, AuditFilterChoices, AuditQuery, ConsentRecord, RecordConsentBody, Role } from "@roundtable/domain";

const member = (caseId: string, personId: string) => ({ param: { caseId: segment(caseId), personId: segment(personId) } });

/** Give a team member another role (one of teamRolesFor their account). */
export async function changeMemberRole(caseId: string, personId: string, role: Role): Promise<void> {
  await send(api.cases[":caseId"].members[":personId"].$patch({ ...member(caseId, personId), json: { role } }));
}

/** Take someone off the team: they lose access at once. 409 with the reason for the child's keyworker. */
export async function removeMember(caseId: string, personId: string): Promise<void> {
  await send(api.cases[":caseId"].members[":personId"].$delete(member(caseId, personId)));
}

/** Link a young-person account on the team as the child's own (their own keyworker only), saying how they agreed. */
export function linkYoungPerson(caseId: string, body: LinkYoungPersonBody): Promise<LinkedYoungPerson> {
  return requestJson(api.cases[":caseId"]["young-person"].$post({ ...caseParam(caseId), json: body }));
}

/** Undo the link: the account stays on the team but opens nothing of the child's. */
export async function unlinkYoungPerson(caseId: string): Promise<void> {
  await send(api.cases[":caseId"]["young-person"].unlink.$post(caseParam(caseId)));
}

/** Every consent record for the case, newest first; what holds now is `currentConsents` of them. */
export function listConsents(caseId: string): Promise<ConsentRecord[]> {
  return requestJson(api.cases[":caseId"].consents.$get(caseParam(caseId)));
}

export function recordConsent(caseId: string, body: RecordConsentBody): Promise<ConsentRecord> {
  return requestJson(api.cases[":caseId"].consents.$post({ ...caseParam(caseId), json: body }));
}

/** Record that consent which was given has been withdrawn; returns the record as it now is. */
export function withdrawConsent(caseId: string, consentId: string, note?: string): Promise<ConsentRecord> {
  return requestJson(
    api.cases[":caseId"].consents[":consentId"].withdraw.$post({
      param: { caseId: segment(caseId), consentId: segment(consentId) },
      json: note ? { note } : {},
    }),
  );
}

/**
 * The case's audit trail, newest first, narrowed by `query`'s filters: a page of `limit` lines
 * older than line `before` (repeated opens of a record are one line with a count).
 */
export function listAuditEvents(caseId: string, query: AuditQuery = {}): Promise<AuditEvent[]> {
  return requestJson(api.cases[":caseId"].audit.$get({ ...caseParam(caseId), query }));
}

/** The people and records on the case's trail, for its filters. */
export function getAuditChoices(caseId: string): Promise<AuditFilterChoices> {
  return requestJson(api.cases[":caseId"].audit.choices.$get(caseParam(caseId)));
}

/** For the child's family: who has opened, changed, printed or downloaded the child's records, a page at a time. */
export function getAccessReport(caseId: string, query: AuditQuery = {}): Promise<AccessReportEntry[]> {
  return requestJson(api.cases[":caseId"]["access-report"].$get({ ...caseParam(caseId), query }));
}

/** The people and records on the family's access report, for its filters. */
export function getAccessReportChoices(caseId: string): Promise<AuditFilterChoices> {
  return requestJson(api.cases[":caseId"]["access-report"].choices.$get(caseParam(caseId)));
}

// Two-step sign-in for the signed-in person.
export function getTwoStep(): Promise<TwoStepStatus> {
  return requestJson(api.me["two-step"].$get());
}

/** A new key for an authenticator app; two-step sign-in is on only once a code from it is checked. */
export function setUpTwoStep() {
  return requestJson(api.me["two-step"].setup.$post());
}

export function switchTwoStep(on: boolean, code: string): Promise<TwoStepStatus> {
  const twoStep = api.me["two-step"];
  return requestJson((on ? twoStep.enable : twoStep.disable).$post({ json: { code } }));
}

// The signed-in person's notifications and how they want them emailed.
const notifications = api.notifications;

/** A page of the inbox, newest first; pass the last page's `older` for the one after it. */
export function listNotifications(older?: string): Promise<InboxPage> {
  return requestJson(notifications.$get({ query: older ? { older } : {} }));
}

export function getUnreadCount(): Promise<UnreadCount> {
  return requestJson(notifications["unread-count"].$get());
}

export async function markNotificationRead(notificationId: string): Promise<void> {
  await send(notifications[":id"].read.$post({ param: { id: segment(notificationId) } }));
}

export function markAllNotificationsRead(): Promise<{ marked: number; more: boolean }> {
  return requestJson(notifications["read-all"].$post());
}

export function getEmailPreferences(): Promise<EmailPreferences> {
  return requestJson(notifications["email-preferences"].$get());
}

export function saveEmailPreferences(body: EmailPreferencesBody): Promise<EmailPreferences> {
  return requestJson(notifications["email-preferences"].$put({ json: body }));
}

// The signed-in person's own contact details, as their teams see them.
export function getOwnContact(): Promise<TeamContact> {
  return requestJson(api.me.contact.$get());
}

export function changeOwnContact(body: ContactDetailsBody): Promise<TeamContact> {
  return requestJson(api.me.contact.$put({ json: body }));
}

const easyRead = api["easy-read"];

export function getReadingPreference(): Promise<ReadingPreference> {
  return requestJson(easyRead.preference.$get());
}

export function saveReadingPreference(body: ReadingPreference): Promise<ReadingPreference> {
  return requestJson(easyRead.preference.$put({ json: body }));
}

export async function getEasyReadSnapshot(documentId: string): Promise<EasyReadSnapshot> {
  // The content is ProseMirror JSON, which Hono's JSON type cannot name as a DocNode tree.
  return (await requestJson(easyRead.documents[":documentId"].$get({ param: { documentId: segment(documentId) } }))) as EasyReadSnapshot;
}

const needs = api["communication-needs"];

export function getOwnCommunicationNeeds(): Promise<CommunicationNeeds> {
  return requestJson(needs.me.$get());
}

export function saveOwnCommunicationNeeds(body: CommunicationNeeds): Promise<CommunicationNeeds> {
  return requestJson(needs.me.$put({ json: body }));
}

export function getTeamCommunicationNeeds(caseId: string): Promise<PersonCommunicationNeeds[]> {
  return requestJson(needs.cases[":caseId"].$get({ param: { caseId: segment(caseId) } }));
}

export function recordCommunicationNeeds(caseId: string, personId: string, body: CommunicationNeeds): Promise<CommunicationNeeds> {
  return requestJson(needs.cases[":caseId"].people[":personId"].$put({ param: { caseId: segment(caseId), personId: segment(personId) }, json: body }));
}

export function getMeetingCommunicationNeeds(meetingId: string): Promise<PersonCommunicationNeeds[]> {
  return requestJson(needs.meetings[":meetingId"].$get({ param: { meetingId: segment(meetingId) } }));
}

/** The agencies of the child's service, by name (a network map names them). */
export function getCaseAgencies(caseId: string): Promise<{ id: string; name: string; kind: string }[]> {
  return requestJson(api.cases[":caseId"].agencies.$get(caseParam(caseId)));
}
