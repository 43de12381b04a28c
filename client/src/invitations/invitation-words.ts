/**
 * What the invitation page says, for an invitation to a child's team or to a place on one CETR's
 * panel (which is not a place on the team, and ends when the report is agreed).
 */
import { invitedAs, panelPlaceLabels, roleLabels, type InvitationDescription } from "@roundtable/domain";

export interface InvitationWords {
  heading: string;
  /** Who invited them, to what, as what. */
  lede: string;
  /** What it is they are joining. */
  about: string;
  /** The summary list's row for what they will be. */
  as: { key: string; value: string };
  /** The hint under "Your name". */
  nameHint: string;
  /** "join Jamie's team": what accepting with an existing account does. */
  accepting: string;
  acceptButton: { existing: string; fresh: string };
}

export function invitationWords(invitation: InvitationDescription): InvitationWords {
  const child = invitation.caseFirstName;
  const from = invitation.agency ? ` from ${invitation.agency}` : "";
  if (invitation.panelPlace) {
    const place = panelPlaceLabels[invitation.panelPlace];
    return {
      heading: `A place on the CETR panel for ${child}`,
      lede: `${invitation.invitedBy} has invited you to a place on the panel of ${child}'s Care, Education and Treatment Review (CETR), as ${place.toLowerCase()}.`,
      about: `On Roundtable the panel reads the review's papers and writes its report together. Your place is for this one review only: it is not a place on ${child}'s team, and it ends when the report is agreed.`,
      as: { key: "Your place on the panel", value: place },
      nameHint: "As you would like the others working on the CETR to see it, for example Sam Jones.",
      accepting: "take your place on the panel",
      acceptButton: { existing: "Accept and sign in", fresh: "Accept and take the place" },
    };
  }
  return {
    heading: `Join ${child}'s team on Roundtable`,
    lede: `${invitation.invitedBy} has invited you to join the team supporting ${child}, as ${invitedAs[invitation.role]}${from}.`,
    about: `Roundtable is where ${child}'s family and the people who support them share the plan, and keep track of who is doing what by when.`,
    as: { key: "Your role", value: `${roleLabels[invitation.role]}${invitation.agency ? `, ${invitation.agency}` : ""}` },
    nameHint: "As you would like the team to see it, for example Sam Jones.",
    accepting: `join ${child}'s team`,
    acceptButton: { existing: "Accept and sign in", fresh: "Accept and join the team" },
  };
}
