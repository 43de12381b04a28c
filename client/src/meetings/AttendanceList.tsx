/**
 * Who was invited and whether they are coming: the chair records everyone's attendance; each
 * person can send their own apologies (and take them back).
 */
import { attendanceLabels, attendanceValues, roleLabels, type Attendance, type Meeting, type MeetingInvitee } from "@roundtable/domain";
import { useState } from "react";
import { ApiRequestError, setAttendance } from "../api/api";
import { contributionTextId } from "./ContributionForm";

interface AttendanceListProps {
  meeting: Meeting;
  myId: string;
  chairing: boolean;
  onChanged(meeting: Meeting): void;
  /** Each invitee's communication needs in words, for the chair only (ADR 0023). */
  needs?: ReadonlyMap<string, string>;
}

export function AttendanceList({ meeting, myId, chairing, onChanged, needs }: AttendanceListProps) {
  const [saving, setSaving] = useState<string | null>(null);
  const [error, setError] = useState<{ personId: string; message: string } | null>(null);

  const record = async (personId: string, attendance: Attendance) => {
    setSaving(personId);
    setError(null);
    try {
      onChanged(await setAttendance(meeting.id, personId, attendance));
    } catch (failure) {
      const reason = failure instanceof ApiRequestError ? failure.message : "Try again.";
      setError({ personId, message: `We could not record this. ${reason}` });
    } finally {
      setSaving(null);
    }
  };

  return (
    <section className="rt-attendance" aria-labelledby="attendance-heading">
      <h2 className="nhsuk-heading-m" id="attendance-heading">
        Attendance
      </h2>
      <ul className="nhsuk-list rt-attendance__list" data-testid="attendance-list">
        <li className="rt-attendance__person">
          <span className="rt-attendance__name">{meeting.chair.name}</span>
          <span className="rt-attendance__about">Chair</span>
        </li>
        {meeting.invitees.map((invitee) => (
          <li key={invitee.personId} className="rt-attendance__person" data-testid="attendance-row" data-attendance={invitee.attendance}>
            <span className="rt-attendance__name">
              {invitee.name}
              {invitee.personId === myId && " (you)"}
            </span>
            <span className="rt-attendance__about">{about(invitee)}</span>
            {needs?.get(invitee.personId) && (
              <span className="rt-attendance__needs" data-testid="communication-needs">
                {needs.get(invitee.personId)}
              </span>
            )}
            {chairing ? (
              <ChairChoice invitee={invitee} busy={saving === invitee.personId} onChange={(a) => void record(invitee.personId, a)} />
            ) : (
              <span className="rt-attendance__status">{attendanceLabels[invitee.attendance]}</span>
            )}
            {!chairing && invitee.personId === myId && invitee.attendance !== "present" && meeting.status !== "minutes-agreed" && (
              <OwnChoice invitee={invitee} busy={saving === myId} onChange={(a) => void record(myId, a)} />
            )}
            {error?.personId === invitee.personId && (
              <p className="nhsuk-error-message rt-attendance__error" role="alert">
                <span className="nhsuk-u-visually-hidden">Error:</span> {error.message}
              </p>
            )}
          </li>
        ))}
      </ul>
      {meeting.invitees.length === 0 && <p>No one else has been invited.</p>}
    </section>
  );
}

function about(invitee: MeetingInvitee): string {
  return invitee.agency ? `${roleLabels[invitee.role]}, ${invitee.agency}` : roleLabels[invitee.role];
}

function ChairChoice({ invitee, busy, onChange }: { invitee: MeetingInvitee; busy: boolean; onChange(a: Attendance): void }) {
  const id = `attendance-${invitee.personId}`;
  return (
    <>
      <label className="nhsuk-u-visually-hidden" htmlFor={id}>
        Attendance for {invitee.name}
      </label>
      <select
        className="nhsuk-select rt-attendance__select rt-no-print"
        id={id}
        value={invitee.attendance}
        aria-busy={busy || undefined}
        onChange={(event) => onChange(event.target.value as Attendance)}
      >
        {attendanceValues.map((value) => (
          <option key={value} value={value}>
            {attendanceLabels[value]}
          </option>
        ))}
      </select>
      <span className="rt-attendance__status rt-print-only">{attendanceLabels[invitee.attendance]}</span>
    </>
  );
}

function OwnChoice({ invitee, busy, onChange }: { invitee: MeetingInvitee; busy: boolean; onChange(a: Attendance): void }) {
  const away = invitee.attendance === "apologies" || invitee.attendance === "written-contribution";
  return (
    <div className="rt-attendance__own rt-no-print">
      {away && (
        <p className="rt-attendance__note">
          Your apologies are recorded. You can still <a href={`#${contributionTextId}`}>send a written contribution</a>.
        </p>
      )}
      <button
        type="button"
        className="nhsuk-button nhsuk-button--secondary nhsuk-button--small rt-attendance__button"
        aria-disabled={busy || undefined}
        onClick={() => !busy && onChange(away ? "invited" : "apologies")}
      >
        {away ? "I can come after all" : "I can't come — send apologies"}
      </button>
    </div>
  );
}
