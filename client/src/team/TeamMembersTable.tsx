/**
 * The team, one row a person: name, role, agency and job title. For the people who run the case,
 * each row also has a "Change role" choice (only where the person could hold another role) and a
 * "Remove from the team" button, which asks before anything happens.
 */
import { roleLabels, type Role, type TeamMember } from "@roundtable/domain";
import { useState, type FormEvent } from "react";
import { Cell, ResponsiveTable } from "../layout/ResponsiveTable";
import { Link } from "../navigation/Link";
import { roleChoicesFor } from "./case-permissions";
import { youngPersonNote } from "./young-person-link";

function RecordNeedsLink({ member, href, recorded }: { member: TeamMember; href: string | null; recorded: boolean }) {
  if (!href) return null;
  return (
    <span className="nhsuk-body-s rt-team-table__detail">
      <Link href={href}>
        {recorded ? "Change" : "Record"} communication needs<span className="nhsuk-u-visually-hidden"> for {member.name}</span>
      </Link>
    </span>
  );
}

export function removeButtonId(personId: string): string {
  return `remove-${personId}`;
}

export function roleSelectId(personId: string): string {
  return `role-${personId}`;
}

interface TeamMembersTableProps {
  team: readonly TeamMember[];
  childFirstName: string;
  keyworkerId: string | null;
  /** The child's own linked account (ADR 0012). */
  youngPersonId: string | null;
  meId: string;
  /** Under each parent or carer, when the young person's decision keeps them out (ADR 0026); only for those told it. */
  parentsNote?: string | null;
  /** Each member's communication needs in words, for the child's keyworker only (ADR 0023). */
  needs?: ReadonlyMap<string, string>;
  /** Where the keyworker records a family member's communication needs; null for those they do not record. */
  recordNeedsAt?: (member: TeamMember) => string | null;
  /** Null for people who may only look. */
  manage: {
    busyPersonId: string | null;
    onChangeRole(member: TeamMember, role: Role): void;
    onAskToRemove(member: TeamMember): void;
  } | null;
}

export function TeamMembersTable({ team, childFirstName, keyworkerId, youngPersonId, meId, parentsNote, needs, recordNeedsAt, manage }: TeamMembersTableProps) {
  if (team.length === 0) return <p>No one is on the team yet.</p>;
  const headings = manage ? ["Name", "Role", "Agency and job title", "Contact", "Remove"] : ["Name", "Role", "Agency and job title", "Contact"];
  return (
    <ResponsiveTable caption={`People on ${childFirstName}'s team`} hideCaption headings={headings} className="rt-records-table rt-team-table">
      {team.map((member) => (
        <tr key={member.personId} className="nhsuk-table__row" role="row" data-testid={`member-${member.personId}`}>
          <Cell heading="Name" rowHeader>
            {member.name}
            {member.personId === meId && <span className="rt-team-table__note"> (you)</span>}
            {member.personId === keyworkerId && <span className="nhsuk-body-s rt-team-table__detail">{childFirstName}'s keyworker</span>}
            {member.role === "young-person" && (
              <span className="nhsuk-body-s rt-team-table__detail">{youngPersonNote(member, youngPersonId, childFirstName)}</span>
            )}
            {member.role === "parent" && parentsNote && (
              <span className="nhsuk-body-s rt-team-table__detail" data-testid="parent-kept-out">
                {parentsNote}
              </span>
            )}
            {needs?.get(member.personId) && (
              <span className="nhsuk-body-s rt-team-table__detail rt-team-table__needs" data-testid="communication-needs">
                {needs.get(member.personId)}
              </span>
            )}
            <RecordNeedsLink member={member} href={recordNeedsAt?.(member) ?? null} recorded={needs?.has(member.personId) ?? false} />
          </Cell>
          <Cell heading="Role">
            {manage && roleChoicesFor(member).length > 0 ? (
              <ChangeRole member={member} busy={manage.busyPersonId === member.personId} onChange={(role) => manage.onChangeRole(member, role)} />
            ) : (
              roleLabels[member.role]
            )}
          </Cell>
          <Cell heading="Agency and job title">
            {member.agency ?? "Not from an agency"}
            {member.jobTitle && member.jobTitle !== roleLabels[member.role] && <span className="nhsuk-body-s rt-team-table__detail">{member.jobTitle}</span>}
          </Cell>
          <Cell heading="Contact">
            <ContactDetails member={member} />
          </Cell>
          {manage && (
            <Cell buttonOnly heading="Remove">
              <button
                id={removeButtonId(member.personId)}
                type="button"
                className="nhsuk-button nhsuk-button--secondary nhsuk-button--small rt-team-table__button"
                onClick={() => manage.onAskToRemove(member)}
              >
                Remove from the team<span className="nhsuk-u-visually-hidden">: {member.name}</span>
              </button>
            </Cell>
          )}
        </tr>
      ))}
    </ResponsiveTable>
  );
}

/** Phone, email and working hours, for staff and professionals; the family's own stay with the keyworker. */
function ContactDetails({ member }: { member: TeamMember }) {
  const contact = member.contact;
  if (!contact) return <span className="rt-team-table__detail">Not listed here</span>;
  return (
    <span className="rt-team-table__contact">
      {contact.phone && (
        <a className="rt-team-table__link" href={`tel:${contact.phone.replace(/\s+/g, "")}`}>
          <span className="nhsuk-u-visually-hidden">Phone {member.name}: </span>
          {contact.phone}
        </a>
      )}
      <a className="rt-team-table__link" href={`mailto:${contact.email}`}>
        <span className="nhsuk-u-visually-hidden">Email {member.name}: </span>
        {contact.email}
      </a>
      <span className="nhsuk-body-s rt-team-table__detail">{contact.workingHours ? `Works ${lowerFirst(contact.workingHours)}` : "Working hours not given"}</span>
    </span>
  );
}

function lowerFirst(words: string): string {
  // Day names keep their capital: "Works Monday to Friday"; other words start lower case.
  return /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)/.test(words) ? words : words.charAt(0).toLowerCase() + words.slice(1);
}

function ChangeRole({ member, busy, onChange }: { member: TeamMember; busy: boolean; onChange(role: Role): void }) {
  const [role, setRole] = useState<Role>(member.role);
  const id = roleSelectId(member.personId);
  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!busy) onChange(role);
  };
  return (
    <form className="rt-team-table__role" onSubmit={handleSubmit} noValidate>
      <label className="nhsuk-u-visually-hidden" htmlFor={id}>
        Role for {member.name}
      </label>
      <select className="nhsuk-select rt-team-table__select" id={id} value={role} onChange={(event) => setRole(event.target.value as Role)}>
        {roleChoicesFor(member).map((choice) => (
          <option key={choice} value={choice}>
            {roleLabels[choice]}
          </option>
        ))}
      </select>
      <button type="submit" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small rt-team-table__button" aria-disabled={busy || undefined}>
        {busy ? "Saving…" : "Change role"}
        <span className="nhsuk-u-visually-hidden"> for {member.name}</span>
      </button>
    </form>
  );
}
