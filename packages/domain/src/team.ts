/** Managing a case's team: adding someone already in the service, changing a role, removing. */
import { z } from "zod";
import { roleSchema } from "./roles.js";

export const addMemberBodySchema = z.object({
  personId: z.uuid("Choose someone"),
  role: roleSchema.optional(),
});
export type AddMemberBody = z.infer<typeof addMemberBodySchema>;

export const changeMemberRoleBodySchema = z.object({ role: roleSchema });
export type ChangeMemberRoleBody = z.infer<typeof changeMemberRoleBodySchema>;
