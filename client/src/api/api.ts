/**
 * The one place the client talks HTTP to the server: a function per endpoint, each returning
 * the domain type. Every failure becomes an ApiRequestError carrying the server's
 * `{ error, details }`, so screens can show the server's own plain-English message.
 */
import type {
  Action,
  ActionEvent,
  ActionListQuery,
  ApiError,
  Attendance,
  CaseDetail,
  CaseSummary,
  CreateMeetingBody,
  DocumentComment,
  DocumentDetail,
  LinkedYoungPerson,
  LinkYoungPersonBody,
  LoginBody,
  Me,
  Meeting,
  MeetingCommand,
  MeetingContribution,
  NewCommentBody,
  TwoStepStatus,
  UpdateActionBody,
} from "@roundtable/domain";

export class ApiRequestError extends Error {
  constructor(
    /** HTTP status, or 0 when the server could not be reached at all. */
    readonly status: number,
    message: string,
    /** Field name → message, for forms. */
    readonly details: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = "ApiRequestError";
  }

  get isSessionEnded(): boolean {
    return this.status === 401;
  }
}

const unreachableMessage = "We could not reach Roundtable. Check your internet connection and try again.";

function fallbackMessage(status: number): string {
  if (status === 401) return "You need to sign in.";
  if (status === 403) return "You do not have access to this.";
  if (status === 404) return "We could not find this page.";
  if (status === 429) return "Too many tries. Wait a minute, then try again.";
  return "Something went wrong on our side. Try again in a few minutes.";
}

function isApiError(value: unknown): value is ApiError {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Record<string, unknown>;
  if (typeof candidate.error !== "string") return false;
  if (candidate.details === undefined) return true;
  return (
    typeof candidate.details === "object" &&
    candidate.details !== null &&
    Object.values(candidate.details).every((message) => typeof message === "string")
  );
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

async function send(method: Method, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: "same-origin",
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiRequestError(0, unreachableMessage);
  }
  if (!response.ok) {
    const payload = await readJson(response);
    if (isApiError(payload)) throw new ApiRequestError(response.status, payload.error, payload.details);
    throw new ApiRequestError(response.status, fallbackMessage(response.status));
  }
  return response;
}

/** A JSON response body; the server's types are the contract, so it is trusted past this edge. */
async function requestJson<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const response = await send(method, path, body);
  const payload = await readJson(response);
  if (payload === undefined) throw new ApiRequestError(response.status, fallbackMessage(500));
  return payload as T;
}

function segment(id: string): string {
  return encodeURIComponent(id);
}

export function signIn(body: LoginBody): Promise<Me> {
  return requestJson<Me>("POST", "/api/auth/login", body);
}

export async function signOut(): Promise<void> {
  await send("POST", "/api/auth/logout");
}

export function getMe(): Promise<Me> {
  return requestJson<Me>("GET", "/api/me");
}

export function listCases(): Promise<CaseSummary[]> {
  return requestJson<CaseSummary[]>("GET", "/api/cases");
}

export function getCase(caseId: string): Promise<CaseDetail> {
  return requestJson<CaseDetail>("GET", `/api/cases/${segment(caseId)}`);
}

export function getDocument(documentId: string): Promise<DocumentDetail> {
  return requestJson<DocumentDetail>("GET", `/api/documents/${segment(documentId)}`);
}

/** A document's conversations, oldest first, each with its replies. */
export function listComments(documentId: string): Promise<DocumentComment[]> {
  return requestJson<DocumentComment[]>("GET", `/api/documents/${segment(documentId)}/comments`);
}

/** A new comment (on a passage, or the whole document) or a reply; returns its conversation. */
export function addComment(documentId: string, body: NewCommentBody): Promise<DocumentComment> {
  return requestJson<DocumentComment>("POST", `/api/documents/${segment(documentId)}/comments`, body);
}

/** Resolve a conversation, or reopen it. */
export function setCommentResolved(commentId: string, resolved: boolean): Promise<DocumentComment> {
  return requestJson<DocumentComment>("PATCH", `/api/comments/${segment(commentId)}`, { resolved });
}

/** Actions the signed-in person may see, narrowed by owner ("me" or a person id), case, status or overdue. */
export function listActions(query: ActionListQuery = {}): Promise<Action[]> {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) params.set(name, String(value));
  }
  const text = params.toString();
  return requestJson<Action[]>("GET", text.length > 0 ? `/api/actions?${text}` : "/api/actions");
}

/** Change an action's status, due date or owner; the server changes the document too. */
export function updateAction(actionId: string, body: UpdateActionBody): Promise<Action> {
  return requestJson<Action>("PATCH", `/api/actions/${segment(actionId)}`, body);
}

/** What has happened to an action: created, and every change since, with who and when. */
export function listActionEvents(actionId: string): Promise<ActionEvent[]> {
  return requestJson<ActionEvent[]>("GET", `/api/actions/${segment(actionId)}/events`);
}

/** A case's meetings, newest first, including tracker meetings that review it. */
export function listCaseMeetings(caseId: string): Promise<Meeting[]> {
  return requestJson<Meeting[]>("GET", `/api/cases/${segment(caseId)}/meetings`);
}

/** Book a meeting; its minutes document is created with it. */
export function createMeeting(body: CreateMeetingBody): Promise<Meeting> {
  return requestJson<Meeting>("POST", "/api/meetings", body);
}

export function getMeeting(meetingId: string): Promise<Meeting> {
  return requestJson<Meeting>("GET", `/api/meetings/${segment(meetingId)}`);
}

/** Start or end the meeting, or agree its minutes (409 with the reason when out of order). */
export function commandMeeting(meetingId: string, command: MeetingCommand): Promise<Meeting> {
  return requestJson<Meeting>("POST", `/api/meetings/${segment(meetingId)}/commands`, { command });
}

export function setAttendance(meetingId: string, personId: string, attendance: Attendance): Promise<Meeting> {
  return requestJson<Meeting>("PUT", `/api/meetings/${segment(meetingId)}/attendance`, { personId, attendance });
}

/** The agenda item the chair is on (0 is the first), or null for none. */
export function setAgendaItem(meetingId: string, item: number | null): Promise<Meeting> {
  return requestJson<Meeting>("PUT", `/api/meetings/${segment(meetingId)}/agenda-item`, { item });
}

export function listContributions(meetingId: string): Promise<MeetingContribution[]> {
  return requestJson<MeetingContribution[]>("GET", `/api/meetings/${segment(meetingId)}/contributions`);
}

/** Comments before the meeting, or a written contribution from someone who cannot come. */
export function addContribution(meetingId: string, body: { text: string; caseId?: string }): Promise<MeetingContribution> {
  return requestJson<MeetingContribution>("POST", `/api/meetings/${segment(meetingId)}/contributions`, body);
}

/** The calendar file for a meeting: a download link, not a request this module makes. */
export function meetingInviteAddress(meetingId: string): string {
  return `/api/meetings/${segment(meetingId)}/invite.ics`;
}

/** The minutes as a PDF: as agreed once they are, otherwise the draft as it stands. */
export function meetingMinutesPdfAddress(meetingId: string): string {
  return `/api/meetings/${segment(meetingId)}/minutes.pdf`;
}

/** Tell the server a document was printed, for the audit trail. Best effort: printing goes on. */
export async function recordPrinted(documentId: string): Promise<void> {
  await send("POST", `/api/documents/${segment(documentId)}/printed`).catch(() => undefined);
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

/** Invite someone by email; the answer carries the link, shown once, to pass on if email does not reach them. */
export function inviteToCase(caseId: string, body: CreateInvitationRequest): Promise<CreatedInvitation> {
  return requestJson<CreatedInvitation>("POST", `/api/cases/${segment(caseId)}/invitations`, body);
}

/** A case's invitations, newest first (for the people who run the case). */
export function listInvitations(caseId: string): Promise<Invitation[]> {
  return requestJson<Invitation[]>("GET", `/api/cases/${segment(caseId)}/invitations`);
}

export function withdrawInvitation(caseId: string, invitationId: string): Promise<Invitation> {
  return requestJson<Invitation>("POST", `/api/cases/${segment(caseId)}/invitations/${segment(invitationId)}/withdraw`);
}

/** What an invitation's link is for; works signed out (404 not valid, 410 expired or withdrawn). */
export function getInvitation(token: string): Promise<InvitationDescription> {
  return requestJson<InvitationDescription>("GET", `/api/invitations/${segment(token)}`);
}

/** Accept: with a name and new password, or an existing account's password. Signs the person in. */
export function acceptInvitation(token: string, body: AcceptInvitationBody): Promise<InvitationAccepted> {
  return requestJson<InvitationAccepted>("POST", `/api/invitations/${segment(token)}/accept`, body);
}

// A case's team, consent and records of access: changing roles, removing people, recording and
// withdrawing consent, the audit trail and the family's access report.
import type { AccessReportEntry, AuditEvent, ConsentRecord, RecordConsentBody, Role } from "@roundtable/domain";

/** Give a team member another role (one of teamRolesFor their account). */
export async function changeMemberRole(caseId: string, personId: string, role: Role): Promise<void> {
  await send("PATCH", `/api/cases/${segment(caseId)}/members/${segment(personId)}`, { role });
}

/** Take someone off the team: they lose access at once. 409 with the reason for the child's keyworker. */
export async function removeMember(caseId: string, personId: string): Promise<void> {
  await send("DELETE", `/api/cases/${segment(caseId)}/members/${segment(personId)}`);
}

/** Link a young-person account on the team as the child's own (their own keyworker only), saying how they agreed. */
export function linkYoungPerson(caseId: string, body: LinkYoungPersonBody): Promise<LinkedYoungPerson> {
  return requestJson<LinkedYoungPerson>("POST", `/api/cases/${segment(caseId)}/young-person`, body);
}

/** Undo the link: the account stays on the team but opens nothing of the child's. */
export async function unlinkYoungPerson(caseId: string): Promise<void> {
  await send("POST", `/api/cases/${segment(caseId)}/young-person/unlink`, {});
}

/** Every consent record for the case, newest first; what holds now is `currentConsents` of them. */
export function listConsents(caseId: string): Promise<ConsentRecord[]> {
  return requestJson<ConsentRecord[]>("GET", `/api/cases/${segment(caseId)}/consents`);
}

export function recordConsent(caseId: string, body: RecordConsentBody): Promise<ConsentRecord> {
  return requestJson<ConsentRecord>("POST", `/api/cases/${segment(caseId)}/consents`, body);
}

/** Record that consent which was given has been withdrawn; returns the record as it now is. */
export function withdrawConsent(caseId: string, consentId: string, note?: string): Promise<ConsentRecord> {
  return requestJson<ConsentRecord>("POST", `/api/cases/${segment(caseId)}/consents/${segment(consentId)}/withdraw`, note ? { note } : {});
}

/** The case's audit trail, newest first: a page of `limit` events older than event `before`. */
export function listAuditEvents(caseId: string, page: { before?: number; limit?: number } = {}): Promise<AuditEvent[]> {
  const params = new URLSearchParams();
  if (page.before !== undefined) params.set("before", String(page.before));
  if (page.limit !== undefined) params.set("limit", String(page.limit));
  const text = params.toString();
  return requestJson<AuditEvent[]>("GET", `/api/cases/${segment(caseId)}/audit${text.length > 0 ? `?${text}` : ""}`);
}

/** For the child's family: who has opened, changed, printed or downloaded the child's records. */
export function getAccessReport(caseId: string): Promise<AccessReportEntry[]> {
  return requestJson<AccessReportEntry[]>("GET", `/api/cases/${segment(caseId)}/access-report`);
}

// Two-step sign-in for the signed-in person.
export function getTwoStep(): Promise<TwoStepStatus> {
  return requestJson<TwoStepStatus>("GET", "/api/me/two-step");
}

/** A new key for an authenticator app; two-step sign-in is on only once a code from it is checked. */
export function setUpTwoStep(): Promise<{ secret: string; otpauthUri: string }> {
  return requestJson("POST", "/api/me/two-step/setup");
}

export function switchTwoStep(on: boolean, code: string): Promise<TwoStepStatus> {
  return requestJson<TwoStepStatus>("POST", `/api/me/two-step/${on ? "enable" : "disable"}`, { code });
}
