/** Managing a case's team: adding someone already in the service, changing a role, removing. */
import { z } from "zod";
import { roleSchema } from "./roles.js";
import { textField } from "./text.js";

export const addMemberBodySchema = z.object({
  personId: z.uuid("Choose someone"),
  role: roleSchema.optional(),
});
export type AddMemberBody = z.infer<typeof addMemberBodySchema>;

export const changeMemberRoleBodySchema = z.object({ role: roleSchema });
export type ChangeMemberRoleBody = z.infer<typeof changeMemberRoleBodySchema>;

/** How the young person agreed to their own account being linked, in the keyworker's words (ADR 0012). */
export const youngPersonAgreementSchema = textField({ error: "Say how the young person agreed" })
  .trim()
  .min(1, "Say how the young person agreed")
  .max(1000, "Keep this under 1,000 characters");

/** Linking a young-person account on the team as the child's own: who, and how they agreed. */
export const linkYoungPersonBodySchema = z.object({
  personId: z.uuid("Choose the young person's account"),
  agreement: youngPersonAgreementSchema,
});
export type LinkYoungPersonBody = z.infer<typeof linkYoungPersonBodySchema>;

/** The child's own account, linked to their case: who linked it, when, and how the young person agreed. */
export interface LinkedYoungPerson {
  personId: string;
  name: string;
  agreement: string;
  linkedBy: { id: string; name: string } | null;
  linkedAt: string;
}
