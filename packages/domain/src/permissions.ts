/**
 * The one table of document access rules. The server's checks, the client's menus and the
 * tests all read it. A row answers: a person with this role on the case, opening a document of
 * this visibility, may do what?
 */
import type { AccessLevel, Visibility } from "./documents.js";
import type { Role } from "./roles.js";

export const documentAccessRules: Record<Role, Record<Visibility, AccessLevel>> = {
  keyworker: { family: "edit", professionals: "edit", "young-person": "edit" },
  "senior-keyworker": { family: "edit", professionals: "edit", "young-person": "none" },
  "service-lead": { family: "read", professionals: "read", "young-person": "none" },
  admin: { family: "none", professionals: "none", "young-person": "none" },
  professional: { family: "edit", professionals: "edit", "young-person": "none" },
  "icb-lead": { family: "read", professionals: "read", "young-person": "none" },
  parent: { family: "edit", professionals: "none", "young-person": "none" },
  "young-person": { family: "edit", professionals: "none", "young-person": "edit" },
};

export interface DocumentAccessQuestion {
  /** The person's role on this case, or null when they are not on its team. */
  caseRole: Role | null;
  /** The person's account role (a service lead sees the whole service without a team role). */
  accountRole: Role;
  visibility: Visibility;
  /** For young-person documents: is this person the young person's own keyworker? */
  isOwnKeyworker: boolean;
}

export function documentAccess(q: DocumentAccessQuestion): AccessLevel {
  const role = q.caseRole ?? (q.accountRole === "service-lead" ? "service-lead" : null);
  if (role === null) return "none";
  if (q.visibility === "young-person" && role === "keyworker" && !q.isOwnKeyworker) return "none";
  return documentAccessRules[role][q.visibility];
}
