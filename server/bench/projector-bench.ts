/**
 * pnpm bench:projector — what a projection costs with several server processes (ADR 0041)
 * against one process: the same change (one action's due date, so there is something to write)
 * projected again and again, by a projector for one process and by one for several, which also
 * takes the document's advisory lock, reads the last projection's snapshot and writes its own.
 *
 * A care plan of --actions action items among --paragraphs paragraphs of text, edited by
 * --editors people (the snapshot holds one entry per editor, and their deletions). PGlite, or
 * Postgres when DATABASE_URL is set. Options: --actions N --paragraphs N --editors N --rounds N
 * (defaults 50 400 20 200).
 */
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { actionNodeName } from "@roundtable/domain";
import { pino } from "pino";
import * as Y from "yjs";
import { ActionProjector } from "../src/actions/action-projector.js";
import { openDocumentsDatabase } from "../test/support/documents-database.js";

const { values } = parseArgs({
  options: { actions: { type: "string", default: "50" }, paragraphs: { type: "string", default: "400" }, editors: { type: "string", default: "20" }, rounds: { type: "string", default: "200" } },
});
const [ACTIONS, PARAGRAPHS, EDITORS, ROUNDS] = [values.actions, values.paragraphs, values.editors, values.rounds].map(Number) as [number, number, number, number];
for (const [name, n] of Object.entries({ ACTIONS, PARAGRAPHS, EDITORS, ROUNDS })) {
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name.toLowerCase()} must be a whole number of at least 1`);
}

const documents = await openDocumentsDatabase();
const log = pino({ level: "silent" });

/** A document as EDITORS people would leave it: paragraphs and actions typed, some words deleted. */
function carePlan(): Y.Doc {
  const doc = new Y.Doc();
  for (let e = 0; e < EDITORS; e++) {
    const editor = new Y.Doc();
    Y.applyUpdate(editor, Y.encodeStateAsUpdate(doc));
    const theirs = editor.getXmlFragment("default");
    editor.transact(() => {
      for (let p = 0; p < PARAGRAPHS / EDITORS; p++) {
        const paragraph = new Y.XmlElement("paragraph");
        paragraph.insert(0, [new Y.XmlText(`Editor ${e} wrote paragraph ${p} about the young person's week, what went well and what did not.`)]);
        theirs.push([paragraph]);
      }
      for (let a = 0; a < ACTIONS / EDITORS; a++) {
        const action = new Y.XmlElement(actionNodeName);
        action.setAttribute("id", randomUUID());
        action.setAttribute("dueDate", "2027-01-01");
        action.insert(0, [new Y.XmlText(`Action ${a} agreed by editor ${e}`)]);
        theirs.push([action]);
      }
    });
    // Some words deleted here and there, as people do: the delete set has something in it.
    editor.transact(() => {
      for (let i = 0; i < theirs.length; i += 7) {
        const first = theirs.get(i);
        if (first instanceof Y.XmlElement && first.nodeName === "paragraph") (first.get(0) as Y.XmlText).delete(0, 7);
      }
    });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(editor, Y.encodeStateVector(doc)));
  }
  return doc;
}

async function timeProjections(several: boolean): Promise<number[]> {
  const projector = new ActionProjector(documents.database.db, log, () => {}, 100, 60_000, { several, catchUpWaitMs: 2000 });
  const documentId = await documents.newDocument();
  const doc = carePlan();
  await projector.projectNow(documentId, doc, null);
  const action = doc.getXmlFragment("default").createTreeWalker((n) => n instanceof Y.XmlElement && n.nodeName === actionNodeName).next().value as Y.XmlElement;
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    action.setAttribute("dueDate", `2027-01-${String((i % 28) + 1).padStart(2, "0")}`);
    const started = performance.now();
    await projector.projectNow(documentId, doc, null);
    times.push(performance.now() - started);
  }
  return times.sort((x, y) => x - y);
}

const at = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(2);
console.log(`${documents.database.kind}: ${ACTIONS} actions, ${PARAGRAPHS} paragraphs, ${EDITORS} editors, ${ROUNDS} projections each`);
for (const several of [false, true, false, true]) {
  const times = await timeProjections(several);
  console.log(`  ${several ? "several processes" : "one process      "}  p50 ${at(times, 0.5)} ms  p99 ${at(times, 0.99)} ms`);
}
await documents.close();
