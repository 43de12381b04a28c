/**
 * What the communication needs form says, by whose needs they are: the reader's own ("Do you
 * need…") or a family member's, recorded by the child's keyworker ("Does Claire Walker need…").
 * Gathered here so a person who writes plain English can review them in one place.
 */

export interface NeedsWords {
  heading: string;
  intro: string;
  legend: string;
  easyRead: string;
  largePrint: string;
  interpreter: string;
  interpreterLanguage: string;
  preferredLanguage: string;
  preferredLanguageHint: string;
  other: string;
  otherHint: string;
  save: string;
  saved: string;
  noLanguage: string;
}

/** `name`: null for the reader's own needs, else the person the keyworker records them for. */
export function needsWords(name: string | null): NeedsWords {
  const own = name === null;
  return {
    heading: own ? "Your communication needs" : `${name}'s communication needs`,
    intro: own
      ? "Tell us what helps you read what we send and take part in meetings. Your keyworker and whoever chairs a meeting you are invited to see this, so they can arrange it. Nobody else does."
      : `Record what helps ${name} read what we send and take part in meetings. You, as the keyworker, and whoever chairs a meeting ${name} is invited to see this. ${name} can see and change it too.`,
    legend: own ? "What helps you?" : `What helps ${name}?`,
    easyRead: "Easy read: short sentences, one idea a line",
    largePrint: "Large print",
    interpreter: "An interpreter",
    interpreterLanguage: "Which language should the interpreter speak?",
    preferredLanguage: own ? "Your preferred language, if it is not English" : `${name}'s preferred language, if it is not English`,
    preferredLanguageHint: "For example, Polish or British Sign Language. Leave it blank if English suits.",
    other: "Anything else that helps",
    otherHint: own ? "For example, a quiet room, or a phone call rather than a letter." : `For example, a quiet room, or a phone call rather than a letter. Use ${name}'s own words where you can.`,
    save: "Save communication needs",
    saved: own ? "Your communication needs are saved." : `${name}'s communication needs are saved.`,
    noLanguage: "Say which language the interpreter should speak",
  };
}
