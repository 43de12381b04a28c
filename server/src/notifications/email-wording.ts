/**
 * What a notification says by email. Email leaves our control once sent, so it names no child,
 * no meeting and no action: it says what kind of thing happened and links to Roundtable, where
 * the person signs in to see it (docs/adr/0005). The in-app notification keeps the detail.
 */
export interface EmailWording {
  subject: string;
  text: string;
}

const wordings: Record<string, EmailWording> = {
  "minutes-agreed": {
    subject: "Minutes agreed in Roundtable",
    text: "The minutes of a meeting you were invited to have been agreed. Sign in to Roundtable to read and print them.",
  },
  "young-person-linked": {
    subject: "A young person's own account was linked",
    text: "A young person's own account was linked to their case in Roundtable. Sign in to see who linked it and how the young person agreed.",
  },
  "young-person-unlinked": {
    subject: "A young person's own account was unlinked",
    text: "A young person's own account was unlinked from their case in Roundtable. Sign in to see who unlinked it.",
  },
  "cetr-requested": {
    subject: "A CETR has been requested",
    text: "A keyworker has asked for a Care, Education and Treatment Review for a child you oversee. Sign in to Roundtable to arrange it.",
  },
  "cetr-report-due": {
    subject: "A CETR report is due to be agreed",
    text: "The report of a CETR you chair is due to be agreed and circulated soon. Sign in to Roundtable to finish and agree it.",
  },
  "cetr-report-agreed": {
    subject: "A CETR report has been agreed",
    text: "The report of a Care, Education and Treatment Review you can read has been agreed. Sign in to Roundtable to read it.",
  },
  "action-overdue": {
    subject: "An action you own is overdue",
    text: "An action you own in Roundtable has passed its due date. Sign in to update it, or to move its due date.",
  },
  "action-escalated": {
    subject: "An action you own has been escalated",
    text: "An action you own in Roundtable has been escalated because it is overdue. Sign in to see it.",
  },
  "escalated-to-you": {
    subject: "An overdue action has been escalated to you",
    text: "An overdue action in Roundtable has been escalated to you, as your agency's escalation contact or as someone's next level. Sign in to see it.",
  },
};

const fallback: EmailWording = {
  subject: "You have a new notification in Roundtable",
  text: "Something in Roundtable needs your attention. Sign in to see it.",
};

/** What the wording may say of where it comes from: the keyworking service's name, never a child's. */
export interface EmailWordingContext {
  serviceName: string;
}

export function emailWordingFor(kind: string, context: EmailWordingContext = { serviceName: "the keyworking service" }): EmailWording {
  // The outcome itself (accepted or not, and why) is for the app; the email says only that there is one.
  if (kind === "referral-decided") {
    return { subject: "Your referral has been looked at", text: `Your referral to ${context.serviceName} has been looked at. Sign in to see the outcome.` };
  }
  return wordings[kind] ?? fallback;
}

/** One line of the daily email for `count` notifications of a kind gathered for it: counts, never names. */
export function digestLineFor(kind: string, count: number): string {
  const one = count === 1;
  switch (kind) {
    case "action-overdue":
      return one ? "1 action you own became overdue" : `${count} actions you own became overdue`;
    case "action-escalated":
      return one ? "1 action you own was escalated" : `${count} actions you own were escalated`;
    case "escalated-to-you":
      return one ? "1 overdue action was escalated to you" : `${count} overdue actions were escalated to you`;
    case "minutes-agreed":
      return one ? "the minutes of 1 meeting you were invited to were agreed" : `the minutes of ${count} meetings you were invited to were agreed`;
    case "young-person-linked":
      return one ? "1 young person's own account was linked" : `${count} young people's own accounts were linked`;
    case "cetr-requested":
      return one ? "1 CETR was requested" : `${count} CETRs were requested`;
    case "cetr-report-due":
      return one ? "1 CETR report you chair is due to be agreed" : `${count} CETR reports you chair are due to be agreed`;
    case "cetr-report-agreed":
      return one ? "1 CETR report was agreed" : `${count} CETR reports were agreed`;
    case "young-person-unlinked":
      return one ? "1 young person's own account was unlinked" : `${count} young people's own accounts were unlinked`;
    case "referral-decided":
      return one ? "1 referral you made was looked at" : `${count} referrals you made were looked at`;
    default:
      return one ? "1 other notification" : `${count} other notifications`;
  }
}
