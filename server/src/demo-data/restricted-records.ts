/**
 * Demo records that only some people may see, so every access rule can be tried in the running
 * app: a professionals meeting about Jamie with agreed minutes (never shown to Claire or Jamie),
 * and Jamie's own page (Jamie and his own keyworker only — not his mum).
 */
import { randomUUID } from "node:crypto";
import { actionItem, heading, newRichTextState, paragraph } from "@roundtable/collab";
import { schema, type Db } from "@roundtable/db";
import { eq } from "drizzle-orm";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

interface JamieCase {
  serviceId: string;
  caseId: string;
  caseName: string;
  idOf(key: string): string;
}

export async function seedRestrictedRecords(tx: Tx, jamie: JamieCase): Promise<void> {
  const { serviceId, caseId, caseName, idOf } = jamie;
  await tx.insert(schema.documents).values({
    caseId,
    kind: "notes",
    title: "Jamie's own page",
    visibility: "young-person",
    snapshot: newRichTextState([
      heading("Things I want Priya to know"),
      paragraph("This page is just for me and Priya. Mum cannot see it."),
      paragraph("Sometimes I say I am fine at home because I do not want Mum to worry. I am not always fine."),
      paragraph("I would like to talk about college without everyone else in the room."),
    ]),
    createdBy: idOf("jamie"),
  });

  const startsAt = new Date();
  startsAt.setDate(startsAt.getDate() - 9);
  startsAt.setHours(14, 0, 0, 0);
  const title = `Professionals meeting: ${caseName}`;
  const [meeting] = await tx
    .insert(schema.meetings)
    .values({
      serviceId,
      type: "professionals",
      title,
      startsAt,
      location: "Northbridge CAMHS, meeting room 1",
      visibility: "professionals",
      chairId: idOf("priya"),
      caseId,
      status: "minutes-agreed",
    })
    .returning({ id: schema.meetings.id });
  const meetingId = meeting!.id;
  await tx.insert(schema.meetingCases).values({ meetingId, caseId, position: 0 });
  await tx.insert(schema.meetingInvitees).values([
    { meetingId, personId: idOf("ben"), attendance: "present" },
    { meetingId, personId: idOf("lucy"), attendance: "present" },
    { meetingId, personId: idOf("mark"), attendance: "apologies" },
    { meetingId, personId: idOf("tom"), attendance: "written-contribution" },
  ]);
  const followUp = new Date(startsAt);
  followUp.setDate(followUp.getDate() + 21);
  const minutes = newRichTextState([
    heading("Why we met"),
    paragraph("To agree, between professionals, how to respond if Jamie's self-harm increases before the review, and who does what."),
    heading("What we agreed"),
    paragraph("CAMHS will offer a crisis-plan appointment within two weeks. Social care will complete the short breaks assessment before the review."),
    paragraph("Mark sent apologies; Tom sent a written update on school attendance, which was read out."),
    actionItem("Share the updated crisis plan with the school and the out-of-hours team", {
      id: randomUUID(),
      ownerId: idOf("ben"),
      status: "open",
      dueDate: followUp.toISOString().slice(0, 10),
    }),
  ]);
  const [doc] = await tx
    .insert(schema.documents)
    .values({ caseId, meetingId, kind: "minutes", title: `Minutes: ${title}`, visibility: "professionals", snapshot: minutes, createdBy: idOf("priya") })
    .returning({ id: schema.documents.id });
  await tx.update(schema.meetings).set({ minutesDocumentId: doc!.id }).where(eq(schema.meetings.id, meetingId));
  await tx.insert(schema.documentVersions).values({ documentId: doc!.id, name: "Agreed minutes", state: minutes, createdBy: idOf("priya") });
}
