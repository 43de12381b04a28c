/**
 * Book a meeting: its type, when and where, the case (or for a tracker meeting, the cases to
 * review; for a CETR follow-up, also the CETR it follows up) and who to invite. On success,
 * straight to the meeting's page.
 */
import type { CaseSummary } from "@roundtable/domain";
import { useMemo, useState, type FormEvent, type RefObject } from "react";
import { createMeeting, listCases } from "../api/api";
import { useResource } from "../api/use-resource";
import { ErrorSummary } from "../auth/ErrorSummary";
import { FormField } from "../auth/FormField";
import { useMe } from "../auth/session-context";
import { mergeTeams } from "../actions/merge-teams";
import { byRiskThenName } from "../cases/by-risk-then-name";
import { useCaseDetails } from "../cases/use-case-details";
import { Breadcrumbs, homeCrumb } from "../layout/Breadcrumbs";
import { PageLoading } from "../layout/PageLoading";
import { ProblemPage } from "../layout/ProblemPage";
import { navigate, useLocation } from "../navigation/history";
import { paths } from "../navigation/routes";
import { usePageHeading } from "../navigation/use-page-heading";
import { CaseChoice } from "./CaseChoice";
import { CetrChoice } from "./CetrChoice";
import { InviteePicker } from "./InviteePicker";
import { MeetingTypeField } from "./MeetingTypeField";
import { WhenFields } from "./WhenFields";
import { checkMeetingForm, inviteesOffered, meetingBody, meetingErrorsFromServer, type MeetingForm, type MeetingFormErrors } from "./new-meeting-form";
import { TrackerCasePicker } from "./TrackerCasePicker";
import "./new-meeting.css";

/** Only for people who may book meetings (mayBookMeetings): the app shows everyone else NotForYouPage. */
export function NewMeetingPage() {
  const headingRef = usePageHeading("Book a meeting");
  return <BookingForm headingRef={headingRef} />;
}

function BookingForm({ headingRef }: { headingRef: RefObject<HTMLHeadingElement | null> }) {
  const me = useMe();
  const { search } = useLocation();
  const startingCase = search.get("caseId") ?? "";
  // From a CETR's page: a follow-up of that CETR.
  const startingCetr = search.get("cetrId") ?? "";
  const cases = useResource(listCases, "cases");
  const [form, setForm] = useState<MeetingForm>({
    type: startingCetr ? "cetr-follow-up" : "",
    title: "",
    date: "",
    time: "",
    location: "",
    onlineLink: "",
    caseId: startingCase,
    caseIds: startingCase ? [startingCase] : [],
    cetrId: startingCetr,
    inviteeIds: [],
  });
  const [errors, setErrors] = useState<MeetingFormErrors | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const change = (changes: Partial<MeetingForm>) => setForm((current) => ({ ...current, ...changes }));

  const chosenCases = form.type === "tracker" ? form.caseIds : form.caseId ? [form.caseId] : [];
  const teams = useCaseDetails(chosenCases);
  const people = useMemo(
    () =>
      mergeTeams(teams.details)
        .team.filter((p) => p.personId !== me.id)
        .sort((a, b) => a.name.localeCompare(b.name, "en-GB")),
    [teams.details, me.id],
  );

  if (cases.status === "failed") return <ProblemPage error={cases.error} retry={cases.retry} />;
  const allCases: CaseSummary[] = cases.status === "loaded" ? [...cases.data].sort(byRiskThenName) : [];
  const startingName = allCases.find((c) => c.id === startingCase)?.name;

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) return;
    const problems = checkMeetingForm(form);
    if (problems) return setErrors(problems);
    const offered = new Set(inviteesOffered(form.type, people, teams.details).map((p) => p.personId));
    setSubmitting(true);
    try {
      const meeting = await createMeeting(meetingBody(form, offered));
      navigate(paths.meeting(meeting.id));
    } catch (error) {
      setErrors(meetingErrorsFromServer(error));
      setSubmitting(false);
    }
  };

  return (
    <>
      <Breadcrumbs
        trail={[
          homeCrumb,
          ...(startingName ? [{ href: paths.case(startingCase), label: startingName }] : []),
        ]}
      />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {errors && <ErrorSummary errors={errors} />}
          <h1 ref={headingRef} tabIndex={-1}>
            Book a meeting
          </h1>
          {cases.status === "loading" && <PageLoading label="Loading your cases…" />}
          {cases.status === "loaded" && (
            <form onSubmit={handleSubmit} noValidate data-testid="new-meeting-form">
              <MeetingTypeField
                value={form.type}
                error={errors?.fields.type}
                // A tracker meeting chosen after a case starts with that case to review.
                onChange={(type) => change(type === "tracker" && form.caseIds.length === 0 && form.caseId ? { type, caseIds: [form.caseId] } : { type })}
              />
              {form.type === "tracker" ? (
                <TrackerCasePicker cases={allCases} chosen={form.caseIds} error={errors?.fields.caseIds} onChange={(caseIds) => change({ caseIds })} />
              ) : (
                // Another child's CETR is not this one's to follow up.
                <CaseChoice cases={allCases} value={form.caseId} error={errors?.fields.caseId} onChange={(caseId) => change({ caseId, cetrId: "" })} />
              )}
              {form.type === "cetr-follow-up" && form.caseId && (
                <CetrChoice
                  caseId={form.caseId}
                  childName={allCases.find((c) => c.id === form.caseId)?.name}
                  value={form.cetrId}
                  error={errors?.fields.cetrId}
                  onChange={(cetrId) => change({ cetrId })}
                />
              )}
              <FormField
                id="title"
                label="Title (optional)"
                hint="If you leave this blank, it is named after the type of meeting, the case and the date."
                value={form.title}
                error={errors?.fields.title}
                onChange={(event) => change({ title: event.target.value })}
              />
              <WhenFields date={form.date} time={form.time} errors={errors?.fields ?? {}} onChange={change} />
              <FormField
                id="location"
                label="Place (optional)"
                hint="For example, Riverside Academy, meeting room 2. Leave blank for an online meeting."
                autoComplete="off"
                value={form.location}
                error={errors?.fields.location}
                onChange={(event) => change({ location: event.target.value })}
              />
              <FormField
                id="onlineLink"
                type="url"
                label="Online meeting link (optional)"
                hint="The web address people use to join, starting https://"
                spellCheck={false}
                value={form.onlineLink}
                error={errors?.fields.onlineLink}
                onChange={(event) => change({ onlineLink: event.target.value })}
              />
              <InviteePicker
                type={form.type}
                people={people}
                cases={teams.details}
                loading={teams.loading}
                noCaseYet={chosenCases.length === 0}
                chosen={form.inviteeIds}
                error={errors?.fields.inviteeIds}
                onChange={(inviteeIds) => change({ inviteeIds })}
              />
              <button type="submit" className="nhsuk-button" aria-disabled={submitting || undefined}>
                {submitting ? "Booking…" : "Book the meeting"}
              </button>
            </form>
          )}
        </div>
      </div>
    </>
  );
}
