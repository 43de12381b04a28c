/**
 * A child's CETRs on their case page: each with its status and date, and for the child's
 * keyworkers a short form to request one (why now; community or inpatient). The family see a CETR
 * here only once its report is agreed (the server sends no other).
 */
import { cetrSettingLabels, cetrSettings, cetrReasonMaxLength, type CetrSetting, type Role, type TeamMember } from "@roundtable/domain";
import { useState, type FormEvent } from "react";
import { ApiRequestError } from "../api/api";
import { listCaseCetrs, requestCetr } from "../api/cetr-api";
import { useResource } from "../api/use-resource";
import { TextAreaField } from "../auth/TextAreaField";
import { PageLoading } from "../layout/PageLoading";
import { Link } from "../navigation/Link";
import { navigate } from "../navigation/history";
import { paths } from "../navigation/routes";
import { cetrWords as words, readableDate } from "./cetr-words";
import "./cetr.css";

/** As the server's mayRequestCetr: the child's keyworkers on the team, and the service lead. */
export function mayRequestCetrFor(me: { id: string; role: Role }, team: readonly TeamMember[]): boolean {
  if (me.role === "service-lead") return true;
  return team.some((m) => m.personId === me.id && (m.role === "keyworker" || m.role === "senior-keyworker"));
}

interface CaseCetrsProps {
  caseId: string;
  childName: string;
  /** The child's keyworkers (and the service lead) may request one. */
  mayRequest: boolean;
}

export function CaseCetrs({ caseId, childName, mayRequest }: CaseCetrsProps) {
  const cetrs = useResource(() => listCaseCetrs(caseId), `case-cetrs:${caseId}`);
  const [open, setOpen] = useState(false);
  if (cetrs.status === "failed" && cetrs.error.status === 404) return null;
  return (
    <section aria-labelledby="case-cetrs-heading" className="rt-case-cetrs">
      <h2 id="case-cetrs-heading">{words.sectionHeading}</h2>
      {cetrs.status === "loading" && <PageLoading label="Loading CETRs…" />}
      {cetrs.status === "failed" && (
        <p>
          The CETRs could not be loaded.{" "}
          <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={cetrs.retry}>
            Try again
          </button>
        </p>
      )}
      {cetrs.status === "loaded" &&
        (cetrs.data.length === 0 ? (
          <p>{words.none}</p>
        ) : (
          <ul className="nhsuk-list rt-case-cetrs__list">
            {cetrs.data.map((c) => (
              <li key={c.id}>
                <Link href={paths.cetr(c.id)}>CETR {c.heldOn ? `on ${readableDate(c.heldOn)}` : "(date not set yet)"}</Link> — {words.status(c.status)}
              </li>
            ))}
          </ul>
        ))}
      {mayRequest &&
        (open ? (
          <RequestCetrForm caseId={caseId} childName={childName} onCancel={() => setOpen(false)} />
        ) : (
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => setOpen(true)}>
            {words.request}
          </button>
        ))}
    </section>
  );
}

function RequestCetrForm({ caseId, childName, onCancel }: { caseId: string; childName: string; onCancel(): void }) {
  const [reason, setReason] = useState("");
  const [setting, setSetting] = useState<CetrSetting | "">("");
  const [errors, setErrors] = useState<{ reason?: string; setting?: string; form?: string }>({});
  const [sending, setSending] = useState(false);

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (sending) return;
    const found = {
      reason: reason.trim() === "" ? "Say why a CETR is needed now" : reason.length > cetrReasonMaxLength ? `Keep it under ${cetrReasonMaxLength} characters` : undefined,
      setting: setting === "" ? "Choose community or inpatient" : undefined,
    };
    if (found.reason || found.setting) {
      setErrors(found);
      document.getElementById(found.reason ? "cetr-reason" : `cetr-setting-${cetrSettings[0]}`)?.focus();
      return;
    }
    setSending(true);
    try {
      const made = await requestCetr(caseId, { reason: reason.trim(), setting: setting as CetrSetting });
      navigate(paths.cetr(made.id));
    } catch (failure) {
      const e = failure instanceof ApiRequestError ? failure : null;
      setErrors({ reason: e?.details.reason, setting: e?.details.setting, form: e && !e.details.reason && !e.details.setting ? e.message : e ? undefined : "That did not send. Try again." });
      setSending(false);
    }
  };

  return (
    <form className="rt-cetr-request" onSubmit={handleSubmit} noValidate aria-labelledby="cetr-request-heading">
      <h3 id="cetr-request-heading">Request a CETR for {childName}</h3>
      {errors.form && (
        <p className="nhsuk-error-message" role="alert">
          <span className="nhsuk-u-visually-hidden">Error:</span> {errors.form}
        </p>
      )}
      <TextAreaField id="cetr-reason" label={words.reasonLabel} hint={words.reasonHint} error={errors.reason} rows={4} value={reason} onChange={(e) => setReason(e.target.value)} />
      <div className={`nhsuk-form-group${errors.setting ? " nhsuk-form-group--error" : ""}`}>
        <fieldset className="nhsuk-fieldset" aria-describedby={errors.setting ? "cetr-setting-error" : undefined}>
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{words.settingLabel}</legend>
          {errors.setting && (
            <p className="nhsuk-error-message" id="cetr-setting-error">
              <span className="nhsuk-u-visually-hidden">Error:</span> {errors.setting}
            </p>
          )}
          <div className="nhsuk-radios">
            {cetrSettings.map((s) => (
              <div className="nhsuk-radios__item" key={s}>
                <input className="nhsuk-radios__input" id={`cetr-setting-${s}`} type="radio" name="cetr-setting" value={s} checked={setting === s} onChange={() => setSetting(s)} />
                <label className="nhsuk-label nhsuk-radios__label" htmlFor={`cetr-setting-${s}`}>
                  {cetrSettingLabels[s]}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      <div className="rt-button-row">
        <button type="submit" className="nhsuk-button" aria-disabled={sending || undefined}>
          {sending ? "Sending…" : "Send the request to the ICB"}
        </button>
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
