/**
 * "Actions from the last meeting" at the top of a child's part of the minutes (ADR 0027): the
 * actions still open from that child's earlier meetings — or, in a CETR follow-up, the CETR's
 * actions — each the tracked action itself, read from the server, not a copy in these minutes,
 * with what this meeting decided, and for those writing the minutes the buttons to confirm,
 * update or close each.
 */
import {
  cetrByDate,
  carriedActionDecisionLabels,
  closedReasonMaxLength,
  isOutstanding,
  actionStatusLabels,
  type Action,
  type CarriedAction,
  type CarriedActionDecision,
  type CarriedActionDecisionBody,
  type CarriedActionsSection,
  type CetrCarriedDecisionBody,
} from "@roundtable/domain";
import { useState } from "react";
import { useMe } from "../auth/session-context";
import { ApiRequestError } from "../api/api";
import { ActionTags } from "../actions/ActionTags";
import { BlockAction } from "../actions/BlockAction";
import { ChangeDueDate } from "../actions/ChangeDueDate";
import { formatDueDate } from "../actions/action-dates";
import { ukToday } from "../layout/uk-time";
import { Link } from "../navigation/Link";
import { paths } from "../navigation/routes";
import { ReasonButton } from "../actions/ReasonButton";
import { GiveToSomeoneElse } from "./GiveToSomeoneElse";
import { carriedActionWords, type CarriedActionWords } from "./carried-action-words";
import { focusAfterRender } from "../layout/focus-after-render";
import "./carried-actions.css";

interface CarriedActionsProps {
  section: CarriedActionsSection;
  childName: string;
  /** A CETR follow-up meeting: the actions are the CETR's. */
  followsUpCetr: boolean;
  decide(actionId: string, body: CarriedActionDecisionBody): Promise<void>;
}

export function CarriedActions({ section, childName, followsUpCetr, decide }: CarriedActionsProps) {
  const me = useMe();
  const mayDecide = section.actions.some((c) => c.mayDecide);
  const words = carriedActionWords(me.role, mayDecide, followsUpCetr);
  const headingId = `carried-actions-${section.documentId}`;
  return (
    <section className="rt-carried" aria-labelledby={headingId} data-testid="carried-actions">
      <h3 id={headingId} className="rt-carried__heading">
        {words.heading(childName)}
      </h3>
      {section.actions.length === 0 ? (
        <p className="rt-carried__none">{words.none(childName)}</p>
      ) : (
        <>
          <p className="rt-carried__intro rt-no-print">{words.intro}</p>
          <ul className="rt-carried__list">
            {section.actions.map((carried) => (
              <CarriedActionItem
                key={carried.action.id}
                carried={meetingCarried(carried)}
                words={words}
                here="This meeting"
                // A meeting closes an action without asking why; only a CETR asks.
                decide={(actionId, body) => decide(actionId, body.decision === "cancelled" ? { decision: "cancelled" } : body)}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** A carried action as a meeting or a CETR shows it: where it was agreed, and what was decided here. */
export interface CarriedItemView {
  action: Action;
  agreedAt: { href: string; title: string };
  ownerOnTeam: boolean;
  decision: CarriedActionDecision | null;
  decidedBy: { name: string } | null;
  mayDecide: boolean;
  /** Why it was closed as no longer needed, where that was asked. */
  closedReason?: string | null;
}

/** Where it was agreed, as a link: the earlier meeting, or the CETR ("the CETR on Thu 14 Jan 2027"). */
function meetingCarried(c: CarriedAction): CarriedItemView {
  const at = c.agreedAt;
  return { ...c, agreedAt: at.kind === "meeting" ? { href: paths.meeting(at.meetingId), title: at.title } : { href: paths.cetr(at.cetrId), title: cetrByDate(at) } };
}

export type CarriedDecisionBody = CarriedActionDecisionBody | CetrCarriedDecisionBody;

interface CarriedActionItemProps {
  carried: CarriedItemView;
  words: CarriedActionWords;
  /** Who decides, in the record's words: "This meeting", "This CETR". */
  here: string;
  decide(actionId: string, body: CarriedDecisionBody): Promise<void>;
  /** Closing as no longer needed asks why (a CETR does). */
  closeNeedsReason?: boolean;
}

export function CarriedActionItem({ carried, words, here, decide, closeNeedsReason = false }: CarriedActionItemProps) {
  const { action } = carried;
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const errorId = `carried-error-${action.id}`;
  const decisionId = `carried-decision-${action.id}`;
  const owner = action.ownerName ?? action.ownerAgencyName ?? "No one yet";

  const send = async (body: CarriedDecisionBody) => {
    setSaving(true);
    setError(null);
    try {
      await decide(action.id, body);
      // The buttons may go (a closed action has nothing left to do): say what was decided instead.
      focusAfterRender(decisionId);
    } catch (err) {
      setError(err instanceof ApiRequestError ? (Object.values(err.details)[0] ?? err.message) : "That did not save. Try again.");
    } finally {
      setSaving(false);
    }
  };

  const outstanding = isOutstanding(action.status);
  const button = (label: string, body: CarriedDecisionBody, secondary = true) => (
    <button
      type="button"
      className={`nhsuk-button nhsuk-button--small rt-action-row__button${secondary ? " nhsuk-button--secondary" : ""}`}
      disabled={saving}
      aria-describedby={error ? errorId : undefined}
      onClick={() => void send(body)}
    >
      {label}
      <span className="nhsuk-u-visually-hidden">: {action.text}</span>
    </button>
  );

  return (
    <li className="rt-carried__item" data-testid="carried-action" data-action-id={action.id}>
      <p className="rt-carried__text">{action.text || "(no words yet)"}</p>
      <dl className="rt-carried__facts">
        <div>
          <dt>Who</dt>
          <dd>{owner}</dd>
        </div>
        <div>
          <dt>By when</dt>
          <dd>
            {formatDueDate(action.dueDate)} <ActionTags status={action.status} dueDate={action.dueDate} today={ukToday()} overdueOnly />
          </dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd data-testid="carried-status">
            {actionStatusLabels[action.status]}
            {action.blockedReason && <span className="rt-action-row__held-up">Held up by: {action.blockedReason}</span>}
          </dd>
        </div>
        <div>
          <dt>Agreed at</dt>
          <dd>
            <Link href={carried.agreedAt.href}>{carried.agreedAt.title}</Link>
          </dd>
        </div>
      </dl>
      {!carried.ownerOnTeam && action.ownerName && <p className="rt-carried__warning">{words.ownerLeft(action.ownerName)}</p>}
      <p className="rt-carried__decision" id={decisionId} tabIndex={-1} data-testid="carried-decision">
        {carried.decision ? (
          <>
            {here}: <strong>{carriedActionDecisionLabels[carried.decision]}</strong>
            {carried.decidedBy && <> ({carried.decidedBy.name})</>}
            {carried.closedReason && <> — {carried.closedReason}</>}
          </>
        ) : (
          carried.mayDecide && outstanding && `Not yet reviewed at ${here.replace(/^This/, "this")}.`
        )}
      </p>
      {error && (
        <p className="nhsuk-error-message" id={errorId} role="alert">
          <span className="nhsuk-u-visually-hidden">Error:</span> {error}
        </p>
      )}
      {carried.mayDecide && outstanding && (
        <div className="rt-action-row__buttons rt-carried__buttons rt-no-print">
          {button("Still on track", { decision: "confirmed" }, false)}
          {button("Mark as done", { decision: "done" })}
          <ChangeDueDate actionId={action.id} actionText={action.text} dueDate={action.dueDate} onSave={(dueDate) => void send({ decision: "updated", change: { dueDate } })} />
          {action.status === "blocked" ? (
            button("No longer blocked", { decision: "updated", change: { status: "in-progress" } })
          ) : (
            <BlockAction actionId={action.id} actionText={action.text} onSave={(reason) => void send({ decision: "updated", change: { status: "blocked", blockedReason: reason } })} />
          )}
          <GiveToSomeoneElse actionId={action.id} actionText={action.text} ownerId={action.ownerId} onSave={(ownerId) => void send({ decision: "updated", change: { ownerId } })} />
          {closeNeedsReason ? (
            <ReasonButton
              id={`close-${action.id}`}
              fieldId={`closed-reason-${action.id}`}
              actionText={action.text}
              buttonLabel="No longer needed"
              question="Why is it no longer needed?"
              hint="For example, the family moved and a new team has taken it on"
              missing="Say why it is no longer needed"
              maxLength={closedReasonMaxLength}
              saveWhat="why it is no longer needed"
              onSave={(reason) => void send({ decision: "cancelled", reason })}
            />
          ) : (
            button("No longer needed", { decision: "cancelled" })
          )}
        </div>
      )}
    </li>
  );
}
