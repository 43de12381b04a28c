/**
 * An action as a card in the document: what is to be done (editable text), and on the same
 * card who will do it, by when, and where it has got to. A change is an attribute change on
 * the node, so it reaches everyone through Yjs like any other edit. Someone who can only read
 * the document sees the same facts as text.
 */
import { actionStatuses, actionStatusLabels, blockedReasonFor, type ActionStatus } from "@roundtable/domain";
import { NodeViewContent, NodeViewWrapper, type ReactNodeViewProps } from "@tiptap/react";
import { ActionTags } from "./ActionTags";
import { formatDueDate } from "./action-dates";
import { ukToday } from "../layout/uk-time";
import type { ActionItemAttributes } from "./action-item-node";
import { readStatus } from "./action-item-node";
import { describeOwner, type OwnerAttributes } from "./action-owner";
import { useCaseTeam } from "./case-team-context";
import { BlockedReasonInput } from "./BlockedReasonInput";
import { DueDateInput } from "./DueDateInput";
import { OwnerSelect } from "./OwnerSelect";
import { useIsEditable } from "./use-is-editable";

function readAttributes(attrs: Record<string, unknown>): ActionItemAttributes {
  const text = (value: unknown) => (typeof value === "string" && value.length > 0 ? value : null);
  const status = readStatus(attrs.status);
  return {
    id: text(attrs.id),
    ownerId: text(attrs.ownerId),
    ownerAgencyId: text(attrs.ownerAgencyId),
    dueDate: text(attrs.dueDate),
    status,
    blockedReason: blockedReasonFor(status, attrs.blockedReason),
  };
}

function shorten(text: string, max = 120): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function ActionItemView({ node, editor, updateAttributes }: ReactNodeViewProps) {
  const attrs = readAttributes(node.attrs);
  const editable = useIsEditable(editor);
  const today = ukToday();
  const text = node.textContent.trim();
  // Ids for the labels; the action id is unique in the document (a copy gets a new one).
  const idBase = `action-${attrs.id ?? "new"}`;

  return (
    <NodeViewWrapper
      id={attrs.id ? idBase : undefined}
      className="rt-action"
      role="group"
      aria-label={`Action: ${text ? shorten(text) : "not written yet"}`}
      data-testid="action-item"
      data-action-id={attrs.id ?? undefined}
      data-status={attrs.status}
      data-empty={text === "" ? "true" : undefined}
    >
      <div className="rt-action__head" contentEditable={false}>
        <span className="rt-action__kind" aria-hidden="true">
          Action
        </span>
        <ActionTags status={attrs.status} dueDate={attrs.dueDate} today={today} />
      </div>
      <NodeViewContent className="rt-action__text" />
      {editable ? (
        <ActionControls idBase={idBase} attrs={attrs} onChange={updateAttributes} />
      ) : (
        <ActionFacts attrs={attrs} />
      )}
    </NodeViewWrapper>
  );
}

function ActionControls({
  idBase,
  attrs,
  onChange,
}: {
  idBase: string;
  attrs: ActionItemAttributes;
  onChange(changes: Partial<ActionItemAttributes>): void;
}) {
  return (
    <div className="rt-action__controls" contentEditable={false}>
      <div className="rt-action__control rt-action__control--owner">
        <label className="nhsuk-label rt-action__label" htmlFor={`${idBase}-owner`}>
          Who will do it
        </label>
        <OwnerSelect id={`${idBase}-owner`} owner={attrs} onChange={(owner: OwnerAttributes) => onChange(owner)} />
      </div>
      <div className="rt-action__control">
        <label className="nhsuk-label rt-action__label" htmlFor={`${idBase}-due`}>
          Due by
        </label>
        <DueDateInput id={`${idBase}-due`} dueDate={attrs.dueDate} onChange={(dueDate) => onChange({ dueDate })} />
      </div>
      <div className="rt-action__control">
        <label className="nhsuk-label rt-action__label" htmlFor={`${idBase}-status`}>
          Status
        </label>
        <select
          className="nhsuk-select rt-action__select"
          id={`${idBase}-status`}
          value={attrs.status}
          // Only a blocked action is held up by something: any other status clears the reason.
          onChange={(event) => onChange({ status: event.target.value as ActionStatus, blockedReason: null })}
        >
          {actionStatuses.map((status) => (
            <option key={status} value={status}>
              {actionStatusLabels[status]}
            </option>
          ))}
        </select>
      </div>
      {attrs.status === "blocked" && (
        <div className="rt-action__control rt-action__control--reason">
          <label className="nhsuk-label rt-action__label" htmlFor={`${idBase}-blocked`}>
            What is holding it up
          </label>
          <BlockedReasonInput id={`${idBase}-blocked`} reason={attrs.blockedReason} onChange={(blockedReason) => onChange({ blockedReason })} />
        </div>
      )}
    </div>
  );
}

function ActionFacts({ attrs }: { attrs: ActionItemAttributes }) {
  const caseTeam = useCaseTeam();
  const loaded = caseTeam.status === "loaded" ? caseTeam : null;
  return (
    <dl className="rt-action__facts" contentEditable={false}>
      <div>
        <dt>Who will do it</dt>
        <dd>{describeOwner(attrs, loaded?.team ?? null, loaded?.agencies ?? null)}</dd>
      </div>
      <div>
        <dt>Due by</dt>
        <dd>{formatDueDate(attrs.dueDate)}</dd>
      </div>
      <div>
        <dt>Status</dt>
        <dd>{actionStatusLabels[attrs.status]}</dd>
      </div>
      {attrs.blockedReason && (
        <div>
          <dt>Held up by</dt>
          <dd>{attrs.blockedReason}</dd>
        </div>
      )}
    </dl>
  );
}
