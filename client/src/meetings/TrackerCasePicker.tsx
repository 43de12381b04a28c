/**
 * "Pick the cases to review": the register's cases, highest risk first, narrowed by RAG rating
 * if that helps. Cases already chosen stay chosen while the list is narrowed.
 */
import { ragRatings, type CaseSummary, type RagRating } from "@roundtable/domain";
import { useState } from "react";
import { RagLegend } from "../cases/RagLegend";
import { RagRatingTag } from "../cases/RagRatingTag";
import { FieldError } from "./FieldError";

const filterLabels: Record<RagRating | "all", string> = { all: "All", red: "Red", amber: "Amber", green: "Green", blue: "Blue" };

interface TrackerCasePickerProps {
  cases: readonly CaseSummary[];
  chosen: readonly string[];
  error?: string;
  onChange(caseIds: string[]): void;
}

export function TrackerCasePicker({ cases, chosen, error, onChange }: TrackerCasePickerProps) {
  const [rating, setRating] = useState<RagRating | "all">("all");
  const shown = rating === "all" ? cases : cases.filter((c) => c.ragRating === rating);
  const chosenNames = cases.filter((c) => chosen.includes(c.id)).map((c) => c.name);
  const errorId = "caseIds-error";

  // Keep the register's order, whatever order the boxes were ticked in.
  const toggle = (caseId: string, on: boolean) =>
    onChange(cases.filter((c) => (c.id === caseId ? on : chosen.includes(c.id))).map((c) => c.id));

  return (
    <div className={`nhsuk-form-group${error ? " nhsuk-form-group--error" : ""}`}>
      <fieldset className="nhsuk-fieldset" aria-describedby={["caseIds-hint", error ? errorId : null].filter(Boolean).join(" ")}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Pick the cases to review</legend>
        <div className="nhsuk-hint" id="caseIds-hint">
          They are reviewed in this order, highest risk first.
        </div>
        <FieldError id={errorId} message={error} />
        <div className="nhsuk-form-group rt-case-filter">
          <label className="nhsuk-label" htmlFor="case-rating-filter">
            Show cases rated
          </label>
          <select
            className="nhsuk-select"
            id="case-rating-filter"
            value={rating}
            onChange={(event) => setRating(event.target.value as RagRating | "all")}
          >
            {(["all", ...ragRatings] as const).map((value) => (
              <option key={value} value={value}>
                {filterLabels[value]}
              </option>
            ))}
          </select>
        </div>
        <p className="rt-case-picker__chosen" role="status">
          {chosenNames.length === 0 ? "No cases chosen yet." : `Chosen (${chosenNames.length}): ${chosenNames.join(", ")}`}
        </p>
        {shown.length === 0 && <p>No cases are rated {filterLabels[rating].toLowerCase()}.</p>}
        <div className="nhsuk-checkboxes">
          {shown.map((c, index) => (
            <div key={c.id} className="nhsuk-checkboxes__item">
              <input
                className="nhsuk-checkboxes__input"
                // The first box has the field's id, so the error summary can move focus to it.
                id={index === 0 ? "caseIds" : `case-${c.id}`}
                type="checkbox"
                checked={chosen.includes(c.id)}
                onChange={(event) => toggle(c.id, event.target.checked)}
              />
              <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={index === 0 ? "caseIds" : `case-${c.id}`}>
                {c.name} <RagRatingTag rating={c.ragRating} />
              </label>
            </div>
          ))}
        </div>
        <RagLegend />
      </fieldset>
    </div>
  );
}
