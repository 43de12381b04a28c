import { describe, expect, it } from "vitest";
import { ApiRequestError } from "../api/api";
import { parentsNotOfferedWords } from "../consent/parents-sharing-words";
import { checkMeetingForm, inviteesOffered, meetingBody, meetingErrorsFromServer, seesOnlyWords, type MeetingForm } from "./new-meeting-form";

const blank: MeetingForm = {
  type: "",
  title: "",
  date: "",
  time: "",
  location: "",
  onlineLink: "",
  caseId: "",
  caseIds: [],
  cetrId: "",
  inviteeIds: [],
};

const tracker: MeetingForm = {
  ...blank,
  type: "tracker",
  date: "2026-12-03",
  time: "10:00",
  location: "  Northbridge House, room 2 ",
  caseIds: ["jamie", "aisha"],
  inviteeIds: ["mark", "claire"],
};

describe("checkMeetingForm", () => {
  it("asks for the type, the date and the time, in the order of the form", () => {
    const errors = checkMeetingForm(blank);
    expect(errors?.summary.map((item) => item.field)).toEqual(["type", "date", "time"]);
  });

  it("asks for the cases of a tracker meeting and the case of any other", () => {
    expect(checkMeetingForm({ ...tracker, caseIds: [] })?.fields.caseIds).toBe("Choose at least one case to review");
    expect(checkMeetingForm({ ...tracker, type: "review" })?.fields.caseId).toBe("Choose the case this meeting is about");
  });

  it("asks which CETR a CETR follow-up follows up, once the child is chosen", () => {
    const followUp: MeetingForm = { ...tracker, type: "cetr-follow-up", caseId: "jamie" };
    expect(checkMeetingForm(followUp)?.fields.cetrId).toBe("Choose the CETR this meeting follows up");
    expect(checkMeetingForm({ ...followUp, caseId: "" })?.fields).toEqual({ caseId: "Choose the case this meeting is about" });
    expect(checkMeetingForm({ ...followUp, cetrId: "cetr-1" })).toBeNull();
  });

  it("wants an online link to be a web address", () => {
    expect(checkMeetingForm({ ...tracker, onlineLink: "teams meeting" })?.fields.onlineLink).toMatch(/web address/);
    expect(checkMeetingForm({ ...tracker, onlineLink: "https://teams.example/meet/1" })).toBeNull();
  });

  it("refuses a link that would run code or open something other than a web page, in plain English", () => {
    for (const onlineLink of ["javascript:alert(document.cookie)", "JavaScript:alert(1)", "data:text/html,<script>alert(1)</script>", "file:///etc/passwd"]) {
      expect([onlineLink, checkMeetingForm({ ...tracker, onlineLink })?.fields.onlineLink]).toEqual([onlineLink, "Enter the online link as a web address, starting https://"]);
    }
    expect(checkMeetingForm({ ...tracker, onlineLink: "http://teams.example/meet/1" })).toBeNull();
  });
});

describe("meetingBody", () => {
  it("books a tracker meeting for its cases, in UK time, inviting only people still offered", () => {
    const body = meetingBody(tracker, new Set(["mark"]));
    expect(body).toEqual({
      type: "tracker",
      title: undefined,
      startsAt: "2026-12-03T10:00:00.000Z",
      location: "Northbridge House, room 2",
      onlineLink: undefined,
      caseIds: ["jamie", "aisha"],
      inviteeIds: ["mark"],
      visibility: "professionals",
    });
  });

  it("books any other meeting for its one case", () => {
    const body = meetingBody({ ...tracker, type: "review", caseId: "jamie" }, new Set(["mark", "claire"]));
    expect(body.caseId).toBe("jamie");
    expect(body.caseIds).toBeUndefined();
    expect(body.visibility).toBeUndefined();
    expect(body.inviteeIds).toEqual(["mark", "claire"]);
    expect(body.cetrId).toBeUndefined();
  });

  it("books a CETR follow-up with the CETR it follows up", () => {
    const body = meetingBody({ ...tracker, type: "cetr-follow-up", caseId: "jamie", cetrId: "cetr-1" }, new Set(["mark", "claire"]));
    expect(body).toMatchObject({ type: "cetr-follow-up", caseId: "jamie", cetrId: "cetr-1", inviteeIds: ["mark", "claire"] });
    expect(body.visibility).toBeUndefined();
  });
});

describe("meetingErrorsFromServer", () => {
  it("puts the server's messages on the fields they are about", () => {
    const error = new ApiRequestError(400, "The request body is not valid.", { startsAt: "Give the date and time", inviteeIds: "Invite people from this service only" });
    const errors = meetingErrorsFromServer(error);
    expect(errors.fields).toEqual({ date: "Give the date and time", inviteeIds: "Invite people from this service only" });
    expect(meetingErrorsFromServer(new ApiRequestError(400, "The request body is not valid.", { cetrId: "Choose a CETR of the child this meeting is about" })).fields).toEqual({
      cetrId: "Choose a CETR of the child this meeting is about",
    });
  });

  it("shows the server's reason when it is not about a field", () => {
    const errors = meetingErrorsFromServer(new ApiRequestError(403, "Only keyworkers can book meetings."));
    expect(errors.summary).toEqual([{ message: "Only keyworkers can book meetings." }]);
  });
});

describe("inviteesOffered", () => {
  const people = [
    { personId: "mark", role: "professional" as const },
    { personId: "claire", role: "parent" as const },
    { personId: "jamie", role: "young-person" as const },
  ];
  const jamie = { name: "Jamie Walker", team: people.map((p) => ({ ...p, sharingConsented: true })), youngPerson: { personId: "jamie" }, parentsSharing: null };

  it("leaves family members out of professionals and tracker meetings", () => {
    expect(inviteesOffered("professionals", people, [jamie]).map((p) => p.personId)).toEqual(["mark"]);
    expect(inviteesOffered("tracker", people, [jamie]).map((p) => p.personId)).toEqual(["mark"]);
  });

  it("offers everyone for a planning or review meeting", () => {
    expect(inviteesOffered("review", people, [jamie])).toHaveLength(3);
  });

  it("offers only people who will open the meeting, saying whose section a tracker meeting shows them", () => {
    const helen = { personId: "helen", role: "icb-lead" as const };
    const withHelen = { ...jamie, team: [...jamie.team, { ...helen, sharingConsented: true }] };
    const aisha = { name: "Aisha Reid", team: [{ ...helen, sharingConsented: false }], youngPerson: null, parentsSharing: null };
    const offered = inviteesOffered("tracker", [helen], [withHelen, aisha]);
    expect(offered).toMatchObject([{ personId: "helen", sees: ["Jamie Walker"] }]);
    expect(seesOnlyWords(offered[0]!.sees, 2)).toBe("Will see Jamie Walker's section only");
    expect(seesOnlyWords(["Jamie Walker", "Aisha Reid"], 2)).toBeNull();
    // Nobody's family shares with her agency: not offered at all.
    expect(inviteesOffered("review", [helen], [aisha])).toEqual([]);
  });

  it("does not offer a parent the young person's decision keeps out, nor a young person's account not linked as the child's", () => {
    const kept = { age: 18, decides: true, decision: "declined" as const, decidedAt: "2026-11-30T10:00:00Z", parentsMayOpen: false };
    expect(inviteesOffered("review", people, [{ ...jamie, parentsSharing: kept }]).map((p) => p.personId)).toEqual(["mark", "jamie"]);
    expect(inviteesOffered("review", people, [{ ...jamie, parentsSharing: { ...kept, decision: "given", parentsMayOpen: true } }])).toHaveLength(3);
    expect(inviteesOffered("review", people, [{ ...jamie, youngPerson: null }]).map((p) => p.personId)).toEqual(["mark", "claire"]);
    expect(parentsNotOfferedWords(kept, "Kai", "meeting")).toBe("Kai's parents or carers are not listed: Kai has said their records are not shared with their parents or carers.");
  });
});
