/** The case's documents: care plan, minutes and so on, with who can see each one. */
import { documentKindLabels, visibilityLabels, type DocumentSummary } from "@roundtable/domain";
import { Cell, ResponsiveTable } from "../layout/ResponsiveTable";
import { Link } from "../navigation/Link";
import { paths } from "../navigation/routes";

export function DocumentsTable({ documents }: { documents: readonly DocumentSummary[] }) {
  if (documents.length === 0) return <p>There are no documents for this case yet.</p>;
  return (
    <ResponsiveTable caption="Documents you can open" captionSize="s" headings={["Title", "Type", "Who can see it"]}>
      {documents.map((doc) => (
        <tr key={doc.id} className="nhsuk-table__row" role="row" data-testid="document-row">
          <Cell heading="Title" rowHeader>
            <Link href={paths.document(doc.id)}>{doc.title}</Link>
          </Cell>
          <Cell heading="Type">{documentKindLabels[doc.kind]}</Cell>
          <Cell heading="Who can see it">{visibilityLabels[doc.visibility]}</Cell>
        </tr>
      ))}
    </ResponsiveTable>
  );
}
