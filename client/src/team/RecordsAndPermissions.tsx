/**
 * "Records and permissions" on a case's page: links to the team, consent, the audit trail and
 * the family's access report — only those the signed-in person may use, by the domain's rules.
 */
import type { CaseDetail } from "@roundtable/domain";
import { useMe } from "../auth/session-context";
import { Link } from "../navigation/Link";
import { paths } from "../navigation/routes";
import { casePermissions } from "./case-permissions";
import { firstName, possessive } from "./child-name";

export function RecordsAndPermissions({ details, headingId }: { details: CaseDetail; headingId: string }) {
  const me = useMe();
  const may = casePermissions(details.team, me);
  const child = possessive(firstName(details.name));
  const links = [
    may.manage && { href: paths.caseTeam(details.id), label: "Change roles or remove people from the team" },
    // Anyone who can see the case can see what the family has agreed to share.
    { href: paths.caseConsent(details.id), label: may.manage ? "Consent: see or record decisions" : "Consent: what the family has agreed to" },
    may.readAuditTrail && { href: paths.caseAudit(details.id), label: "Audit trail" },
    may.readAccessReport && { href: paths.caseAccessReport(details.id), label: `Who has looked at ${child} records` },
  ].filter((link): link is { href: string; label: string } => Boolean(link));
  return (
    <section aria-labelledby={headingId} data-testid="records-and-permissions">
      <h2 id={headingId}>Records and permissions</h2>
      <ul className="nhsuk-list">
        {links.map((link) => (
          <li key={link.href}>
            <Link href={link.href}>{link.label}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
