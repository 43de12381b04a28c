/** The case page's "Actions" section: every action agreed for this case, who has it, and when it is due. */
import { actionStatusLabels, type Action } from "@roundtable/domain";
import { Fragment, useId, useState } from "react";
import { PageLoading } from "../layout/PageLoading";
import { Cell, ResponsiveTable } from "../layout/ResponsiveTable";
import { ActionHistoryRow } from "./ActionHistory";
import { ActionTags } from "./ActionTags";
import { formatDueDate } from "./action-dates";
import { ukToday } from "../layout/uk-time";
import { ownerName } from "./action-owner";
import { caseActionFilters, matchesFilter, readCaseActionFilter, sortForCase, type CaseActionFilter } from "./case-action-filter";
import { useActionList } from "./use-action-list";
import { WhereAgreed } from "./WhereAgreed";
import "./actions-list.css";

export function CaseActions({ caseId, headingId }: { caseId: string; headingId: string }) {
  const { list } = useActionList({ caseId });
  const [filter, setFilter] = useState<CaseActionFilter>("all");
  const filterId = useId();
  const today = ukToday();
  const filterLabel = caseActionFilters.find((f) => f.value === filter)?.label ?? "All actions";
  const shown =
    list.status === "loaded" ? sortForCase(list.data.filter((action) => matchesFilter(action, filter, today)), today) : [];

  return (
    <section className="rt-case-actions" aria-labelledby={headingId} data-testid="case-actions">
      <h2 id={headingId}>Actions</h2>
      {list.status === "loading" && <PageLoading label="Loading the actions…" />}
      {list.status === "failed" && (
        <>
          <p>{list.error.message}</p>
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={list.retry}>
            Try loading the actions again
          </button>
        </>
      )}
      {list.status === "loaded" && list.data.length === 0 && (
        <p>No actions have been agreed for this case yet. Actions added to a care plan or minutes will show here.</p>
      )}
      {list.status === "loaded" && list.data.length > 0 && (
        <>
          <p className="nhsuk-u-visually-hidden" role="status">
            Showing {shown.length} of {list.data.length} actions
          </p>
          <div className="nhsuk-form-group rt-case-actions__filter">
            <label className="nhsuk-label" htmlFor={filterId}>
              Show
            </label>
            <select
              className="nhsuk-select"
              id={filterId}
              value={filter}
              onChange={(event) => setFilter(readCaseActionFilter(event.target.value))}
            >
              {caseActionFilters.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </div>
          <CaseActionsTable actions={shown} filterLabel={filterLabel} today={today} />
        </>
      )}
    </section>
  );
}

const caseActionHeadings = ["Action", "Who", "Due", "Status"] as const;

function CaseActionsTable({ actions, filterLabel, today }: { actions: Action[]; filterLabel: string; today: string }) {
  if (actions.length === 0) return <p>No actions match “{filterLabel}”.</p>;
  return (
    <ResponsiveTable
      className="rt-actions-table"
      caption={`${filterLabel}: ${actions.length === 1 ? "1 action" : `${actions.length} actions`}`}
      captionSize="s"
      headings={caseActionHeadings}
    >
      {actions.map((action) => (
        <Fragment key={action.id}>
          <tr className="nhsuk-table__row rt-action-row--with-history" role="row" data-testid="action-row" data-action-id={action.id}>
            <Cell heading="Action" rowHeader>
              {/* One block, so a phone's stacked table keeps where it was agreed under the words. */}
              <span className="rt-action-row__what">
                <span className="rt-action-row__text">{action.text || "(no words yet)"}</span>
                <span className="rt-action-row__where">
                  Agreed in <WhereAgreed action={action} />
                </span>
              </span>
            </Cell>
            <Cell heading="Who">{ownerName(action)}</Cell>
            <Cell heading="Due">
              <span className="rt-action-row__due">{formatDueDate(action.dueDate)}</span>{" "}
              <ActionTags status={action.status} dueDate={action.dueDate} today={today} overdueOnly />
            </Cell>
            <Cell heading="Status">{actionStatusLabels[action.status]}</Cell>
          </tr>
          {/* The case page gives the case team, so owners' names cost no extra request. */}
          <ActionHistoryRow action={action} columns={caseActionHeadings.length} team="page" />
        </Fragment>
      ))}
    </ResponsiveTable>
  );
}
