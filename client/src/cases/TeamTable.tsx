/** Everyone on the case team, with their role and agency. */
import { roleLabels, type TeamMember } from "@roundtable/domain";
import { Cell, ResponsiveTable } from "../layout/ResponsiveTable";

export function TeamTable({ team }: { team: readonly TeamMember[] }) {
  if (team.length === 0) return <p>No one has been added to the team yet.</p>;
  return (
    <ResponsiveTable caption="People on the team" captionSize="s" headings={["Name", "Role", "Agency"]}>
      {team.map((member) => (
        <tr key={member.personId} className="nhsuk-table__row" role="row">
          <Cell heading="Name" rowHeader>
            {member.name}
          </Cell>
          <Cell heading="Role">
            {roleLabels[member.role]}
            {member.jobTitle && member.jobTitle !== roleLabels[member.role] && (
              <span className="nhsuk-body-s rt-team__job-title">{member.jobTitle}</span>
            )}
          </Cell>
          <Cell heading="Agency">{member.agency ?? "Not from an agency"}</Cell>
        </tr>
      ))}
    </ResponsiveTable>
  );
}
