/**
 * Meetings: POST /api/meetings, GET /api/meetings/:id, POST /api/meetings/:id/commands,
 * PUT /api/meetings/:id/attendance, PUT /api/meetings/:id/agenda-item,
 * GET|POST /api/meetings/:id/contributions, GET /api/meetings/:id/minutes.pdf, POST /api/meetings/:id/printed. A case's meetings are under /api/cases.
 */
import { Hono } from "hono";
import { attendanceBodySchema, contributionBodySchema, createMeetingBodySchema, meetingCommandBodySchema, uuidSchema } from "@roundtable/domain";
import { z } from "zod";
import type { AppDeps, AppEnv } from "../http/app-env.js";
import { meetingIcs } from "./ics.js";
import { jsonBody, parseOrThrow } from "../http/validate.js";
import { minutesAsPdf, recordMinutesPrinted } from "./minutes-export.js";
import { addContribution, commandMeeting, createMeeting, getMeeting, listContributions, setAgendaItem, setAttendance, type MeetingDeps } from "./meetings.js";

const agendaItemBodySchema = z.object({ item: z.number().int().min(0).max(200).nullable() });

export function meetingRoutes(deps: AppDeps & MeetingDeps) {
  const { db } = deps;
  const id = (raw: string) => parseOrThrow(uuidSchema, raw, "meeting id");
  return new Hono<AppEnv>()
    .post("/", jsonBody(createMeetingBodySchema), async (c) => c.json(await createMeeting(db, c.get("person"), c.req.valid("json")), 201))
    .get("/:id", async (c) => c.json(await getMeeting(db, c.get("person"), id(c.req.param("id")))))
    .post("/:id/commands", jsonBody(meetingCommandBodySchema), async (c) => {
      const { command } = c.req.valid("json");
      const meeting = await commandMeeting(deps, c.get("person"), id(c.req.param("id")), command);
      deps.onMeetingChanged(meeting.id);
      return c.json(meeting);
    })
    .put("/:id/attendance", jsonBody(attendanceBodySchema), async (c) => {
      const body = c.req.valid("json");
      const meeting = await setAttendance(db, c.get("person"), id(c.req.param("id")), body.personId, body.attendance);
      deps.onMeetingChanged(meeting.id);
      return c.json(meeting);
    })
    .put("/:id/agenda-item", jsonBody(agendaItemBodySchema), async (c) => {
      const { item } = c.req.valid("json");
      const meeting = await setAgendaItem(db, c.get("person"), id(c.req.param("id")), item);
      deps.onMeetingChanged(meeting.id);
      return c.json(meeting);
    })
    .get("/:id/minutes.pdf", async (c) => {
      const { filename, pdf } = await minutesAsPdf(deps, c.get("person"), id(c.req.param("id")));
      return c.body(new Uint8Array(pdf), 200, {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="${filename}"`,
        "Cache-Control": "private, no-store",
      });
    })
    .post("/:id/printed", async (c) => {
      // The browser prints the meeting page; it tells us, so the print is on the record like a download.
      await recordMinutesPrinted(db, c.get("person"), id(c.req.param("id")));
      return c.body(null, 204);
    })
    .get("/:id/invite.ics", async (c) => {
      const meeting = await getMeeting(db, c.get("person"), id(c.req.param("id")));
      // Links point at the address people use, never at whatever Host the request claimed.
      const origin = deps.config.publicUrl;
      const ics = meetingIcs({
        uid: `${meeting.id}@roundtable`,
        startsAt: new Date(meeting.startsAt),
        durationMinutes: meeting.type === "tracker" ? 120 : 60,
        title: meeting.title,
        location: meeting.location ?? meeting.onlineLink,
        description: `${meeting.title}, chaired by ${meeting.chair.name}. The agenda and minutes are in Roundtable.`,
        url: `${origin}/meetings/${meeting.id}`,
      });
      return c.body(ics, 200, { "Content-Type": "text/calendar; charset=utf-8", "Content-Disposition": 'attachment; filename="meeting.ics"' });
    })
    .get("/:id/contributions", async (c) => c.json(await listContributions(db, c.get("person"), id(c.req.param("id")))))
    .post("/:id/contributions", jsonBody(contributionBodySchema), async (c) => {
      const body = c.req.valid("json");
      const meetingId = id(c.req.param("id"));
      const contribution = await addContribution(db, c.get("person"), meetingId, body.text, body.caseId);
      deps.onMeetingChanged(meetingId);
      return c.json(contribution, 201);
    });
}
