/**
 * Who to invite: everyone on the chosen cases' teams (once each), except the person booking,
 * who chairs. Professionals and tracker meetings never include family members.
 */
import { isFamilyRole, meetingTypeLabels, roleLabels, type TeamMember } from "@roundtable/domain";
import { parentsNotOfferedWords } from "../consent/parents-sharing-words";
import { PageLoading } from "../layout/PageLoading";
import { firstName } from "../team/child-name";
import { FieldError } from "./FieldError";
import { inviteesOffered, seesOnlyWords, type BookableType, type OfferingCase } from "./new-meeting-form";

interface InviteePickerProps {
  type: BookableType | "";
  people: readonly TeamMember[];
  /** The chosen children, with their teams: who will open whose section. */
  cases: readonly OfferingCase[];
  loading: boolean;
  noCaseYet: boolean;
  chosen: readonly string[];
  error?: string;
  onChange(personIds: string[]): void;
}

function about(person: TeamMember): string {
  const what = person.jobTitle ?? roleLabels[person.role];
  return person.agency ? `${what}, ${person.agency}` : what;
}

export function InviteePicker({ type, people, cases, loading, noCaseYet, chosen, error, onChange }: InviteePickerProps) {
  const familyNote =
    (type === "professionals" || type === "tracker") && people.some((p) => isFamilyRole(p.role))
      ? ` Family members cannot be invited to a ${meetingTypeLabels[type].toLowerCase()}.`
      : "";
  const offered = inviteesOffered(type, people, cases);
  // Family members left out of a family meeting are not left out for their agency: a parent the
  // young person's decision keeps out is said so, to those told it (ADR 0026).
  const notOffered = people.filter((p) => !isFamilyRole(p.role) && !offered.some((o) => o.personId === p.personId)).length;
  const keptOut = familyNote
    ? []
    : cases.flatMap((c) => {
        const words = parentsNotOfferedWords(c.parentsSharing, firstName(c.name), "meeting");
        return words && c.team.some((m) => m.role === "parent") ? [words] : [];
      });
  const errorId = "inviteeIds-error";
  const toggle = (personId: string, on: boolean) =>
    onChange(on ? [...chosen.filter((id) => id !== personId), personId] : chosen.filter((id) => id !== personId));

  return (
    <div className={`nhsuk-form-group${error ? " nhsuk-form-group--error" : ""}`}>
      <fieldset className="nhsuk-fieldset" aria-describedby={["inviteeIds-hint", error ? errorId : null].filter(Boolean).join(" ")}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Who do you want to invite?</legend>
        <div className="nhsuk-hint" id="inviteeIds-hint">
          You chair the meeting, so you are not on this list. Only people who will be able to open the meeting are listed.
          {familyNote}
          {notOffered > 0 && !familyNote && ` ${notOffered === 1 ? "1 person on the team is" : `${notOffered} people on the team are`} not listed: the family has not agreed to share information with their agency.`}
          {keptOut.map((words) => ` ${words}`)}
        </div>
        <FieldError id={errorId} message={error} />
        {noCaseYet && <p>Choose the case first, then the people on its team show here.</p>}
        {!noCaseYet && loading && <PageLoading label="Loading the team…" />}
        {!noCaseYet && !loading && offered.length === 0 && <p>There is no one else on the team to invite.</p>}
        <div className="nhsuk-checkboxes">
          {offered.map((person, index) => (
            <div key={person.personId} className="nhsuk-checkboxes__item">
              <input
                className="nhsuk-checkboxes__input"
                id={index === 0 ? "inviteeIds" : `invitee-${person.personId}`}
                type="checkbox"
                checked={chosen.includes(person.personId)}
                aria-describedby={`invitee-${person.personId}-hint`}
                onChange={(event) => toggle(person.personId, event.target.checked)}
              />
              <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={index === 0 ? "inviteeIds" : `invitee-${person.personId}`}>
                {person.name}
              </label>
              <div className="nhsuk-hint nhsuk-checkboxes__hint" id={`invitee-${person.personId}-hint`}>
                {about(person)}
                {seesOnlyWords(person.sees, cases.length) && (
                  <>
                    <br />
                    <strong className="rt-invitee__sees">{seesOnlyWords(person.sees, cases.length)}</strong>
                  </>
                )}
              </div>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
