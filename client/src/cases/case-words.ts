/**
 * What the home page and a case's page say, by who is reading. A parent sees their child, the
 * young person their own plan, a professional the children they work with, keyworking staff
 * their cases. Gathered here so a person who writes plain English can review them in one place.
 */
import { readerRelation, type ReaderRelation, type Role } from "@roundtable/domain";

export interface HomeWords {
  /** The page's heading, and the way back to it from every other page. */
  heading: string;
  caption: string;
  empty: string;
  myActionsLink: string;
  /** The link home from a page that could not be shown. */
  homeLink: string;
  /** The name the header's "Roundtable" link is read out with, on every page. */
  logoLabel: string;
  loading: string;
  /** The line under "My actions". */
  myActionsLede: string;
}

/**
 * The home page speaks to the account, not about one child: a keyworker's list is their
 * caseload, a service lead's the whole service.
 */
export function homeWords(role: Role): HomeWords {
  switch (role) {
    case "parent":
      return {
        heading: "Your child",
        caption: "Your child",
        empty: "Your child's page is not ready yet. Your keyworker will tell you when it is.",
        myActionsLink: "See everything you have agreed to do (my actions)",
        homeLink: "Go to your child's page",
        logoLabel: "Roundtable – your child",
        loading: "Loading your child's page…",
        myActionsLede: "Everything you have agreed to do for your child.",
      };
    case "young-person":
      return {
        heading: "My plan",
        caption: "My plan",
        empty: "Your plan is not ready yet. Your keyworker will set it up with you.",
        myActionsLink: "See what you have agreed to do (my actions)",
        homeLink: "Go to my plan",
        logoLabel: "Roundtable – my plan",
        loading: "Loading your plan…",
        myActionsLede: "Everything you have agreed to do.",
      };
    case "professional":
    case "icb-lead":
      return {
        heading: "Children you work with",
        caption: "Children you work with, highest risk first",
        empty: "You are not on any child's team yet. When a keyworker adds you, the child will show here.",
        myActionsLink: "See everything you have agreed to do (my actions)",
        homeLink: "Go to the children you work with",
        logoLabel: "Roundtable – children you work with",
        loading: "Loading the children you work with…",
        myActionsLede: "Everything you have agreed to do, for all the children you work with.",
      };
    case "service-lead":
    case "admin":
      return {
        heading: "Cases in the service",
        caption: "Every case in the service, highest risk first",
        empty: "There are no cases in the service yet.",
        myActionsLink: "See everything you have agreed to do (my actions)",
        homeLink: "Go to the cases in the service",
        logoLabel: "Roundtable – cases in the service",
        loading: "Loading the cases…",
        myActionsLede: "Everything you have agreed to do, on all the cases.",
      };
    case "keyworker":
    case "senior-keyworker":
      return {
        heading: "My cases",
        caption: "Cases you work on, highest risk first",
        empty: "You are not working on any cases yet. When you are added to a case team, it will show here.",
        myActionsLink: "See everything you have agreed to do on your cases (my actions)",
        homeLink: "Go to my cases",
        logoLabel: "Roundtable – my cases",
        loading: "Loading your cases…",
        myActionsLede: "Everything you have agreed to do, on all your cases.",
      };
  }
}

/** How the reader stands to the child whose case this is. */
export function readerOf(me: { id: string; role: Role }, details: { keyworker: { id: string } | null }): ReaderRelation {
  return readerRelation({ accountRole: me.role, isOwnKeyworker: details.keyworker?.id === me.id });
}

export interface CaseWords {
  /** The small line above the child's name. */
  caption: string;
  keyworkerLabel: string;
  /** The keyworker's name as this reader should see it ("You" for the keyworker themself). */
  keyworkerName(name: string | null): string;
  /** The link to the team page with everyone's phone, email and working hours. */
  teamContactLink: string;
}

export function caseWords(reader: ReaderRelation, childFirstName: string): CaseWords {
  const keyworkerName = (name: string | null) => (reader === "own-keyworker" ? "You" : (name ?? "Not allocated yet"));
  switch (reader) {
    case "parent":
      return { caption: "Your child", keyworkerLabel: "Your keyworker", keyworkerName, teamContactLink: `How to contact ${childFirstName}'s team` };
    case "young-person":
      return { caption: "My plan", keyworkerLabel: "My keyworker", keyworkerName, teamContactLink: "How to contact my team" };
    case "professional":
      return { caption: "A child you work with", keyworkerLabel: "Keyworker", keyworkerName, teamContactLink: `How to contact ${childFirstName}'s team` };
    case "own-keyworker":
      return { caption: "On your caseload", keyworkerLabel: "Keyworker", keyworkerName, teamContactLink: `How to contact ${childFirstName}'s team` };
    case "other-staff":
      return { caption: "Case", keyworkerLabel: "Keyworker", keyworkerName, teamContactLink: `How to contact ${childFirstName}'s team` };
  }
}
