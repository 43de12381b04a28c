/** Who will do it: someone on the case team, or an agency when no one is named yet. */
import { useCaseTeam } from "./case-team-context";
import { describeOwner, memberLabel, ownerChoice, ownerFromChoice, type OwnerAttributes } from "./action-owner";

export function OwnerSelect({ id, owner, onChange }: { id: string; owner: OwnerAttributes; onChange(owner: OwnerAttributes): void }) {
  const caseTeam = useCaseTeam();
  const value = ownerChoice(owner);

  if (caseTeam.status !== "loaded") {
    const label = caseTeam.status === "loading" ? "Loading the team…" : describeOwner(owner, null, null);
    return (
      <select className="nhsuk-select rt-action__select" id={id} value={value} disabled>
        <option value={value}>{label}</option>
      </select>
    );
  }

  const { team, agencies } = caseTeam;
  const known =
    value === "" ||
    team.some((m) => `person:${m.personId}` === value) ||
    agencies.some((a) => `agency:${a.id}` === value);

  return (
    <select className="nhsuk-select rt-action__select" id={id} value={value} onChange={(event) => onChange(ownerFromChoice(event.target.value))}>
      <option value="">No one yet</option>
      {!known && <option value={value}>{describeOwner(owner, team, agencies)}</option>}
      <optgroup label="People on the case">
        {team.map((member) => (
          <option key={member.personId} value={`person:${member.personId}`}>
            {memberLabel(member)}
          </option>
        ))}
      </optgroup>
      {agencies.length > 0 && (
        <optgroup label="An agency (no one named yet)">
          {agencies.map((agency) => (
            <option key={agency.id} value={`agency:${agency.id}`}>
              {agency.name}
            </option>
          ))}
        </optgroup>
      )}
    </select>
  );
}
