/**
 * The emails an invitation sends: to join a child's team, or to a place on one CETR's panel.
 * Plain words and a link, and not even the child's first name: an address typed wrongly sends
 * this to a stranger. The page the link opens says which child (docs/adr/0005).
 */
import { invitedAs, panelPlaceLabels, roleLabels, type InvitableRole, type PanelPlace } from "@roundtable/domain";
import type { Person } from "../auth/sessions.js";
import type { Email } from "../notifications/mailer.js";

const longDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" });

interface Sent {
  to: string;
  name: string | null;
  inviter: Person;
  link: string;
  expiresAt: string;
  accountExists: boolean;
}

/** "Priya Shah (keyworker, Northbridge Keyworking Service)": who is asking, as the person invited would want to know. */
function inviterWords(inviter: Person): string {
  return inviter.agencyName ? `${inviter.name} (${roleLabels[inviter.role].toLowerCase()}, ${inviter.agencyName})` : inviter.name;
}

/** The email around what it invites them to: greeting, the link and how long it works, and what to do if unexpected. */
function invitationText(f: Sent, about: readonly string[]): string {
  const next = f.accountExists
    ? "Open this link and enter the password you use for Roundtable:"
    : "Open this link to set up your account. You will choose your own password:";
  return [
    f.name ? `Dear ${f.name},` : "Hello,",
    ...about,
    `${next}\n${f.link}`,
    `The link works once, until ${longDate.format(new Date(f.expiresAt))}. Do not share it: it is for you only.`,
    `If you were not expecting this email, you can ignore it, or ask ${f.inviter.name} about it.`,
    "Roundtable",
  ].join("\n\n");
}

export function invitationEmail(f: Sent & { role: InvitableRole; agency: string | null }): Email {
  const as = `${invitedAs[f.role]}${f.agency ? ` from ${f.agency}` : ""}`;
  return {
    to: f.to,
    subject: `${f.inviter.name} has invited you to join a team on Roundtable`,
    text: invitationText(f, [
      `${inviterWords(f.inviter)} has invited you to join the team around a young person they support, on Roundtable, as ${as}.`,
      "Roundtable is where a young person's family and the people who support them share the plan and keep track of who is doing what. The link tells you who the invitation is about.",
    ]),
  };
}

/** A place on a CETR's panel: what it is, and that it ends when the report is agreed. */
export function panelInvitationEmail(f: Sent & { place: PanelPlace }): Email {
  return {
    to: f.to,
    subject: `${f.inviter.name} has invited you to a place on a CETR panel on Roundtable`,
    text: invitationText(f, [
      `${inviterWords(f.inviter)} has invited you to a place on the panel of a Care, Education and Treatment Review (CETR) for a young person, as ${panelPlaceLabels[f.place].toLowerCase()}.`,
      "On Roundtable the panel reads the review's papers and writes its report together. Your place is for this one review only, and it ends when the report is agreed. The link tells you who the review is about.",
    ]),
  };
}
