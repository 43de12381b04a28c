/** Where an action was agreed: the document and section, linking to the action itself. */
import type { Action } from "@roundtable/domain";
import { Link } from "../navigation/Link";
import { paths } from "../navigation/routes";

export function whereAgreedText(action: Pick<Action, "documentTitle" | "section">): string {
  return action.section ? `${action.documentTitle}, ${action.section}` : action.documentTitle;
}

export function WhereAgreed({ action }: { action: Action }) {
  if (action.removedAt !== null) {
    return (
      <>
        {whereAgreedText(action)} <span className="rt-action-row__note">(since taken out of the document)</span>
      </>
    );
  }
  return <Link href={paths.actionInDocument(action.documentId, action.id)}>{whereAgreedText(action)}</Link>;
}
