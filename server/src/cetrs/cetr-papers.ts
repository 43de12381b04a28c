/**
 * The CETR papers pack: what the panel reads beforehand — the child's current care plan, the
 * previous CETR's report (with its action plan), and the last three meetings' minutes. The panel
 * opens them only while the family's consent to share the papers with the CETR panel is recorded
 * and in force; without it they see that the papers are withheld and why, never the papers.
 */
import type { Db } from "@roundtable/db";
import type { CetrPapers } from "@roundtable/domain";
import { papersConsented, papersOf } from "../access/cetr-papers-access.js";
import type { CetrRow } from "../access/cetr-standing.js";

export const papersWithheldReason =
  "The papers are withheld: the family's consent to share them with the CETR panel is not recorded, or has been withdrawn. The child's keyworker can record it on the case's consent page.";

/** The pack as this reader is given it: the panel only with consent; others see what the pack holds (their own access still applies when they open each). */
export async function papersFor(db: Db, cetr: CetrRow, panel: boolean): Promise<CetrPapers> {
  if (panel && !(await papersConsented(db, cetr.caseId))) return { withheld: { reason: papersWithheldReason }, items: [] };
  return { withheld: null, items: await papersOf(db, cetr) };
}
