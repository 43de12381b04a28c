/**
 * The case page's "RAG rating" section, for professionals only (ADR 0025): the rating now and
 * since when, "Change rating" for the keyworkers and the service lead, a chart of the last year
 * and the timeline of every change with its reason. Family accounts are never sent any of it,
 * so the page does not show this section to them at all.
 */
import { mayChangeRagRating, type RagChange, type RecordedRagRating, type Role } from "@roundtable/domain";
import { useRef, useState } from "react";
import { changeRagRating } from "../api/register-api";
import { useReadFailure } from "../api/use-resource";
import { formatUkDate } from "../layout/uk-time";
import type { RagData } from "./case-page-data";
import { ChangeRatingForm } from "./ChangeRatingForm";
import { RagHistoryChart } from "./RagHistoryChart";
import { RagHistoryTimeline } from "./RagHistoryTimeline";
import { ragLevelLabel } from "./rag-history-words";
import { checkRagRatingForm, emptyRagRatingForm, ragRatingBody, ragRatingErrorsFromServer, type RagRatingForm, type RagRatingFormErrors } from "./rag-rating-form";
import { ragRatingMeaning, RagRatingTag } from "./RagRatingTag";
import { RagLegend } from "./RagLegend";
import "./rag-history.css";

interface RagRatingSectionProps {
  caseId: string;
  childFirstName: string;
  rating: RecordedRagRating;
  rag: RagData;
  /** The reader's role for case-level rules (effectiveCaseRole). */
  caseRole: Role | null;
  headingId: string;
  /** Read the case again (after a change here): the rating, its history and the summary above. */
  onChanged(): void;
}

export function RagRatingSection({ caseId, childFirstName, rating, rag, caseRole, headingId, onChanged }: RagRatingSectionProps) {
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState<RagRatingForm>(emptyRagRatingForm);
  const [errors, setErrors] = useState<RagRatingFormErrors | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<RagChange | null>(null);
  const changeButton = useRef<HTMLButtonElement>(null);
  const savedRef = useRef<HTMLParagraphElement>(null);
  const readFailure = useReadFailure();

  if (rag.status === "failed") {
    return (
      <section className="rt-rag" aria-labelledby={headingId} data-testid="rag-rating">
        <h2 id={headingId}>RAG rating</h2>
        <p>
          <RagRatingTag rating={rating} /> <span className="rt-rag-meaning">{ragRatingMeaning(rating)}</span>
        </p>
        <p>{rag.error.status === 403 ? rag.error.message : `The rating's history could not be shown: ${rag.error.message}`}</p>
        {rag.error.status !== 403 && (
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onChanged}>
            Try loading it again
          </button>
        )}
      </section>
    );
  }

  const { history, levels } = rag;
  const latest = history.at(-1);
  const mayChange = mayChangeRagRating(caseRole);

  const close = () => {
    setOpen(false);
    setErrors(null);
    setForm(emptyRagRatingForm);
    requestAnimationFrame(() => changeButton.current?.focus());
  };

  const submit = async () => {
    const problems = checkRagRatingForm(form, rating, levels);
    if (problems) return setErrors(problems);
    setBusy(true);
    try {
      const change = await changeRagRating(caseId, ragRatingBody(form));
      setOpen(false);
      setErrors(null);
      setForm(emptyRagRatingForm);
      setSaved(change);
      onChanged();
      requestAnimationFrame(() => savedRef.current?.focus());
    } catch (error) {
      if (readFailure(error).isSessionEnded) return;
      setErrors(ragRatingErrorsFromServer(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="rt-rag" aria-labelledby={headingId} data-testid="rag-rating">
      <h2 id={headingId}>RAG rating</h2>
      <p className="rt-rag__now">
        <RagRatingTag rating={rating} label={ragLevelLabel(levels, rating)} /> <span className="rt-rag-meaning">{ragRatingMeaning(rating)}</span>
        {latest && latest.to === rating && (
          <span className="rt-rag__since nhsuk-body-s">
            Since {formatUkDate(latest.at)}
            {latest.by ? `, changed by ${latest.by.name}` : ""}
          </span>
        )}
      </p>
      <RagLegend />
      {saved && (
        <p className="rt-rag__saved" role="status" tabIndex={-1} ref={savedRef}>
          Rating changed to {ragLevelLabel(levels, saved.to).toLowerCase()}. The change and your reason are in the history below.
        </p>
      )}
      {mayChange && !open && (
        <button
          type="button"
          ref={changeButton}
          className="nhsuk-button nhsuk-button--secondary rt-rag__change"
          onClick={() => {
            setSaved(null);
            setOpen(true);
          }}
        >
          Change rating
        </button>
      )}
      {open && (
        <ChangeRatingForm
          childFirstName={childFirstName}
          levels={levels}
          current={rating}
          form={form}
          errors={errors}
          busy={busy}
          onChange={(changes) => setForm((current) => ({ ...current, ...changes }))}
          onSubmit={() => void submit()}
          onCancel={close}
        />
      )}
      <h3 className="rt-rag__subheading">Over the last year</h3>
      <RagHistoryChart history={history} levels={levels} childFirstName={childFirstName} now={Date.now()} />
      <h3 className="rt-rag__subheading">How the rating has changed</h3>
      <RagHistoryTimeline history={history} levels={levels} listId={`${headingId}-timeline`} />
    </section>
  );
}
