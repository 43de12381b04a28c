/**
 * What the overdue page and its menu entry say, by whose actions the reader chases
 * (overdueScope in @roundtable/domain): the whole service's, a keyworker's own caseload, or an
 * ICB lead's own cases.
 */
import type { OverdueScope } from "@roundtable/domain";

export interface OverdueWords {
  menuLink: string;
  heading: string;
  lede: string;
}

export function overdueWords(scope: OverdueScope): OverdueWords {
  switch (scope) {
    case "service":
      return {
        menuLink: "Overdue",
        heading: "Overdue actions",
        lede: "Everything across the service that is past its due date and not done yet. The most overdue are at the top.",
      };
    case "own-caseload":
      return {
        menuLink: "Overdue on my caseload",
        heading: "Overdue actions on your caseload",
        lede: "Actions on the cases you are keyworker for that are past their due date and not done yet. The most overdue are at the top.",
      };
    case "own-cases":
      return {
        menuLink: "Overdue on my cases",
        heading: "Overdue actions on your cases",
        lede: "Actions on the children's cases you are part of that are past their due date and not done yet. The most overdue are at the top.",
      };
  }
}
