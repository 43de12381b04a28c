/**
 * The agencies of a service as the service lead sees them on the Agencies page: each with the
 * named person told when one of its actions is escalated, and the people who could be named.
 */
import { z } from "zod";

export interface AgencyPerson {
  id: string;
  name: string;
  jobTitle: string | null;
}

export interface AgencyWithContact {
  id: string;
  name: string;
  kind: string;
  /** Told at the first level when an action owned by someone here is escalated; null when nobody is named. */
  escalationContact: AgencyPerson | null;
  /** Who works for the agency in this service, by name: the people who may be named. */
  people: AgencyPerson[];
}

/** PUT /api/agencies/:id/escalation-contact: someone who works for the agency, or null for nobody. */
export const escalationContactBodySchema = z
  .object({ personId: z.uuid("Choose someone who works for this agency").nullable() })
  .strict();
export type EscalationContactBody = z.infer<typeof escalationContactBodySchema>;
