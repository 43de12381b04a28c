import type { Db } from "@roundtable/db";

/**
 * What a use-case that changes who may see or do what announces, so that open connections
 * follow at once (ADR 0010). The use-case calls it itself once its change is committed, so no
 * route, job or socket handler that runs the use-case can forget to.
 */
export interface AccessAnnouncer {
  /**
   * Who may see this case's records changed (its team, a role, consent, the child's own
   * account). Re-checks open connections before it resolves; never rejects: a re-check the
   * database cannot answer now is tried again until it can (ADR 0015).
   */
  caseAccessChanged(caseId: string): Promise<void>;
  /** Nobody may edit this document any more (agreed minutes): its editors reconnect and find it read-only. */
  editingEnded(documentId: string, reason: string): void;
}

/** What a use-case that changes who may see a case needs: the database, and whom to tell. */
export interface AccessChangeDeps {
  db: Db;
  access: AccessAnnouncer;
}
