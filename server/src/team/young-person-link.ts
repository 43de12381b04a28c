/**
 * The child's own account (ADR 0012): one young-person account per case, linked by the child's
 * own keyworker with the young person's agreement, recorded in the keyworker's words. Only the
 * linked account's young-person role counts on the case. Every change is on the audit trail,
 * and the child's keyworker and the service's leads are told of it.
 */
import { schema, type Db } from "@roundtable/db";
import { mayLinkYoungPerson, mayUnlinkYoungPerson, type LinkedYoungPerson, type LinkYoungPersonBody, type Role } from "@roundtable/domain";
import { and, eq, isNull, ne } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { recordAudit, type AuditActor } from "../audit/audit-log.js";
import { forbidden, HttpError } from "../errors.js";
import type { NotificationContent, Notifier } from "../notifications/notifier.js";
import { managedCase } from "../access/case-manager.js";
import { orRefuse } from "../access/access-answer.js";
import type { AccessChangeDeps } from "../access/access-announcer.js";
import type { Person } from "../auth/sessions.js";

/** A change to a case's link, for telling the people who should know. */
export interface YoungPersonLinkChange {
  kind: "linked" | "unlinked";
  caseId: string;
  caseName: string;
  serviceId: string;
  keyworkerId: string | null;
  youngPersonName: string;
  by: AuditActor;
  agreement: string | null;
}

const child = alias(schema.people, "child");
const linker = alias(schema.people, "linker");

/** The account linked as the case's young person, if any. */
export async function linkedYoungPerson(db: Db, caseId: string): Promise<LinkedYoungPerson | null> {
  const [row] = await db
    .select({
      personId: schema.cases.youngPersonId,
      name: child.name,
      agreement: schema.cases.youngPersonAgreement,
      linkedById: schema.cases.youngPersonLinkedBy,
      linkedByName: linker.name,
      linkedAt: schema.cases.youngPersonLinkedAt,
    })
    .from(schema.cases)
    .innerJoin(child, eq(child.id, schema.cases.youngPersonId))
    .leftJoin(linker, eq(linker.id, schema.cases.youngPersonLinkedBy))
    .where(eq(schema.cases.id, caseId));
  if (!row?.personId || !row.linkedAt) return null;
  return {
    personId: row.personId,
    name: row.name,
    agreement: row.agreement ?? "",
    linkedBy: row.linkedById && row.linkedByName ? { id: row.linkedById, name: row.linkedByName } : null,
    linkedAt: row.linkedAt.toISOString(),
  };
}

/** Why this account cannot be linked to another case: it is some other child's own already. */
export async function linkedElsewhere(db: Db, personId: string, caseId: string): Promise<HttpError | null> {
  const [other] = await db
    .select({ id: schema.cases.id })
    .from(schema.cases)
    .where(and(eq(schema.cases.youngPersonId, personId), ne(schema.cases.id, caseId)))
    .limit(1);
  return other ? new HttpError(409, "That account is already linked as another young person's own account, so it cannot be linked to this case.") : null;
}

const alreadyLinked = (name: string) =>
  new HttpError(409, `${name}'s own account is already linked to this case. Unlink it first if it is the wrong account.`);

export interface NewLink {
  caseId: string;
  personId: string;
  agreement: string;
  by: AuditActor;
  /** The linker's role on the case, for the trail. */
  role: Role;
  /** Set when the link is made by accepting the keyworker's invitation. */
  invitationId?: string;
  /** Link only while this person is still the child's own keyworker. */
  keyworkerId: string;
}

/**
 * Set the link, inside the caller's transaction, if the case has none yet and `keyworkerId` is
 * still the child's own keyworker; audited. Returns false when either has changed.
 */
export async function setLink(tx: Db, link: NewLink, youngPersonName: string): Promise<boolean> {
  const now = new Date();
  const updated = await tx
    .update(schema.cases)
    .set({ youngPersonId: link.personId, youngPersonAgreement: link.agreement, youngPersonLinkedBy: link.by.id, youngPersonLinkedAt: now, updatedAt: now })
    .where(and(eq(schema.cases.id, link.caseId), isNull(schema.cases.youngPersonId), eq(schema.cases.keyworkerId, link.keyworkerId)))
    .returning({ id: schema.cases.id });
  if (updated.length === 0) return false;
  await recordAudit(tx, {
    actor: link.by,
    role: link.role,
    action: "young-person-linked",
    caseId: link.caseId,
    detail: { personId: link.personId, name: youngPersonName, agreement: link.agreement, ...(link.invitationId ? { invitationId: link.invitationId } : {}) },
  });
  return true;
}

/** The child's own keyworker links a young-person account on the team as the child's own. */
export async function linkYoungPerson({ db, access }: AccessChangeDeps, person: Person, caseId: string, body: LinkYoungPersonBody): Promise<YoungPersonLinkChange> {
  const { role, caseRow } = orRefuse(await managedCase(db, person, caseId, "link a young person's own account"));
  if (!mayLinkYoungPerson({ isOwnKeyworker: caseRow.keyworkerId === person.id })) {
    throw forbidden(`Only ${caseRow.name}'s own keyworker can link their account, after asking them.`);
  }
  const [member] = await db
    .select({ name: schema.people.name, accountRole: schema.people.role, role: schema.caseMembers.role })
    .from(schema.caseMembers)
    .innerJoin(schema.people, eq(schema.people.id, schema.caseMembers.personId))
    .where(and(eq(schema.caseMembers.caseId, caseId), eq(schema.caseMembers.personId, body.personId)));
  if (member?.accountRole !== "young-person" || member.role !== "young-person") {
    throw new HttpError(400, "The request body is not valid.", { personId: "Choose a young person's account on this team" });
  }
  const elsewhere = await linkedElsewhere(db, body.personId, caseId);
  if (elsewhere) throw elsewhere;
  const by = { id: person.id, name: person.name };
  const linked = await db.transaction((tx) =>
    setLink(tx, { caseId, personId: body.personId, agreement: body.agreement, by, role, keyworkerId: person.id }, member.name),
  );
  if (!linked) throw alreadyLinked(caseRow.name);
  await access.caseAccessChanged(caseId);
  return { kind: "linked", caseId, caseName: caseRow.name, serviceId: caseRow.serviceId, keyworkerId: caseRow.keyworkerId, youngPersonName: member.name, by, agreement: body.agreement };
}

/**
 * Undo the link: the account stays on the team but its young-person role no longer counts, so
 * it opens nothing of the case (its open connections close as the change is announced).
 */
export async function unlinkYoungPerson({ db, access }: AccessChangeDeps, person: Person, caseId: string): Promise<YoungPersonLinkChange> {
  const { role, caseRow } = orRefuse(await managedCase(db, person, caseId, "unlink a young person's own account"));
  if (!mayUnlinkYoungPerson({ isOwnKeyworker: caseRow.keyworkerId === person.id, accountRole: person.role })) {
    throw forbidden(`Only ${caseRow.name}'s own keyworker or the service lead can unlink their account.`);
  }
  const current = await linkedYoungPerson(db, caseId);
  if (!current) throw new HttpError(409, `No account is linked as ${caseRow.name}'s own.`);
  const by = { id: person.id, name: person.name };
  const unlinked = await db.transaction(async (tx) => {
    const updated = await tx
      .update(schema.cases)
      .set({ youngPersonId: null, youngPersonAgreement: null, youngPersonLinkedBy: null, youngPersonLinkedAt: null, updatedAt: new Date() })
      .where(and(eq(schema.cases.id, caseId), eq(schema.cases.youngPersonId, current.personId)))
      .returning({ id: schema.cases.id });
    if (updated.length === 0) return false;
    await recordAudit(tx, { actor: by, role, action: "young-person-unlinked", caseId, detail: { personId: current.personId, name: current.name } });
    return true;
  });
  if (!unlinked) throw new HttpError(409, "The link has just changed. Reload the page to see it.");
  await access.caseAccessChanged(caseId);
  return { kind: "unlinked", caseId, caseName: caseRow.name, serviceId: caseRow.serviceId, keyworkerId: caseRow.keyworkerId, youngPersonName: current.name, by, agreement: null };
}

/** Tell the child's keyworker and the service's leads (not whoever made it) that the link changed. */
export async function tellOfLinkChange(db: Db, notifier: Notifier, change: YoungPersonLinkChange): Promise<void> {
  await notifier.notify(await peopleToTellOfLink(db, change), linkNotification(change));
}

async function peopleToTellOfLink(db: Db, change: YoungPersonLinkChange): Promise<string[]> {
  const leads = await db
    .select({ id: schema.people.id })
    .from(schema.people)
    .where(and(eq(schema.people.serviceId, change.serviceId), eq(schema.people.role, "service-lead")));
  const ids = [...leads.map((l) => l.id), ...(change.keyworkerId ? [change.keyworkerId] : [])];
  return [...new Set(ids)].filter((id) => id !== change.by.id);
}

/** What the notification says: in-app only names the child (the email says only that something happened). */
function linkNotification(change: YoungPersonLinkChange): NotificationContent {
  const first = change.caseName.split(/\s+/)[0] ?? change.caseName;
  return change.kind === "linked"
    ? {
        kind: "young-person-linked",
        title: `${first}'s own account was linked`,
        body: `${change.by.name} linked ${change.youngPersonName}'s account as ${first}'s own. How ${first} agreed: ${change.agreement ?? ""}`,
        link: `/cases/${change.caseId}/team`,
      }
    : {
        kind: "young-person-unlinked",
        title: `${first}'s own account was unlinked`,
        body: `${change.by.name} unlinked ${change.youngPersonName}'s account from ${first}'s case. It no longer opens anything of ${first}'s.`,
        link: `/cases/${change.caseId}/team`,
      };
}
