/** The names of the people and agencies that own the actions in a document, by id, for its PDF. */
import { schema, type Db } from "@roundtable/db";
import { actionNodeName, eachNode, isUuid, type DocNode } from "@roundtable/domain";
import { inArray } from "drizzle-orm";

export async function actionOwnerNames(db: Db, doc: DocNode): Promise<Map<string, string>> {
  const personIds = new Set<string>();
  const agencyIds = new Set<string>();
  // Not recursive: a document nested thousands of levels deep must still export.
  for (const node of eachNode(doc)) {
    if (node.type !== actionNodeName) continue;
    const { ownerId, ownerAgencyId } = node.attrs ?? {};
    if (isUuid(ownerId)) personIds.add(ownerId);
    if (isUuid(ownerAgencyId)) agencyIds.add(ownerAgencyId);
  }
  const names = new Map<string, string>();
  if (personIds.size > 0) {
    for (const p of await db.select({ id: schema.people.id, name: schema.people.name }).from(schema.people).where(inArray(schema.people.id, [...personIds]))) {
      names.set(p.id, p.name);
    }
  }
  if (agencyIds.size > 0) {
    for (const a of await db.select({ id: schema.agencies.id, name: schema.agencies.name }).from(schema.agencies).where(inArray(schema.agencies.id, [...agencyIds]))) {
      names.set(a.id, a.name);
    }
  }
  return names;
}
