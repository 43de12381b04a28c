/**
 * The sections a new care plan (family support plan) starts with, in the order families know
 * them. Each has a prompt in plain English that is shown as the first paragraph of the section.
 */
export interface CarePlanSection {
  key: string;
  heading: string;
  /** The heading in the young person's own words, for the easy-read view (ADR 0023). */
  easyReadHeading: string;
  prompt: string;
}

export const carePlanSections: readonly CarePlanSection[] = [
  {
    key: "needs-and-strengths",
    heading: "Needs and strengths",
    easyReadHeading: "What I am good at, and what I find hard",
    prompt: "What I am good at, what I find hard, and the support that works for me.",
  },
  {
    key: "outcomes",
    heading: "Outcomes we are working towards",
    easyReadHeading: "What we want to change",
    prompt: "What we want to be different, and how we will know it has happened.",
  },
  {
    key: "who-does-what",
    heading: "Who does what by when",
    easyReadHeading: "Who is helping me, and when",
    prompt: "Each action with the person responsible and the date it should be done by.",
  },
  { key: "contacts", heading: "Contacts", easyReadHeading: "People I can talk to", prompt: "The people and services involved, and how to reach them." },
];

/**
 * "In my own words" is the young person's own part of the care plan (ADR 0026): "About me" and
 * "What matters to me", which they write themselves, as the family write theirs.
 */
export const youngPersonViewsSections: readonly CarePlanSection[] = [
  { key: "about-me", heading: "About me", easyReadHeading: "About me", prompt: "Who I am, where I live, who I live with and what I like doing." },
  {
    key: "what-matters-to-me",
    heading: "What matters to me",
    easyReadHeading: "What matters to me",
    prompt: "In my own words: what is important to me, what helps and what does not.",
  },
];

/**
 * "What my family says" is the family's own part of the care plan: a document of its own that
 * parents write, while they comment on the rest of the plan (ADR 0008).
 */
export const familyViewsSection: CarePlanSection = {
  key: "what-my-family-says",
  heading: "What my family says",
  easyReadHeading: "What my family says",
  prompt: "Our views as a family: what is going well, what worries us, and what we want to happen.",
};
