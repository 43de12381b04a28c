/**
 * The care plan as a record (ADR 0022): download or print it with the parts the reader may
 * open, keep it under a name ("Agreed at the review on …"), compare a named version with
 * today's text, section by section, in words, and read who changed what (EditHistory).
 */
import {
  atLeast,
  compareSections,
  newVersionBodySchema,
  sectionsOf,
  textOf,
  versionNameMaxLength,
  type AccessLevel,
  type DocumentDetail,
  type DocumentVersionSummary,
  type SectionComparison,
  type VersionText,
} from "@roundtable/domain";
import { useId, useState, type FormEvent } from "react";
import { documentPdfAddress, getDocumentText, getDocumentVersion, listDocumentVersions, saveDocumentVersion } from "../api/api";
import { useResource } from "../api/use-resource";
import { useRecordPrints } from "../audit/use-record-prints";
import { FieldShell } from "../auth/FieldShell";
import { EditHistory } from "./EditHistory";
import "./plan-record.css";

const savedAtFormat = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" });

function savedWords(v: DocumentVersionSummary): string {
  return `Saved by ${v.savedBy ?? "someone no longer on Roundtable"} on ${savedAtFormat.format(new Date(v.savedAt))}`;
}

/** The text to print: the plan and each part the reader may open, as plain blocks. */
function PrintedText({ text }: { text: VersionText }) {
  return (
    <div className="rt-plan-print" aria-hidden="true">
      {text.parts.map((part, index) => (
        <section key={part.documentId}>
          {index > 0 && <h2>{part.title}</h2>}
          {(part.content.content ?? []).map((block, i) => {
            const words = textOf(block);
            // biome-ignore lint/suspicious/noArrayIndexKey: a fixed picture for printing, never reordered
            if (block.type === "heading") return <h3 key={i}>{words}</h3>;
            // biome-ignore lint/suspicious/noArrayIndexKey: a fixed picture for printing, never reordered
            return words.trim() ? <p key={i}>{words}</p> : null;
          })}
        </section>
      ))}
    </div>
  );
}

function Comparison({ documentId, version, onClose }: { documentId: string; version: DocumentVersionSummary; onClose: () => void }) {
  const loaded = useResource(async () => {
    const [then, now] = await Promise.all([getDocumentVersion(documentId, version.id), getDocumentText(documentId)]);
    // Each part compared with itself: the plan with the plan, the family's part with theirs.
    return now.parts.map((part) => {
      const old = then.parts.find((p) => p.documentId === part.documentId);
      return { title: part.title, sections: compareSections(old ? sectionsOf(old.content) : [], sectionsOf(part.content)) };
    });
  }, `compare:${documentId}:${version.id}`);
  const headingId = useId();
  return (
    <section className="rt-plan-compare" aria-labelledby={headingId}>
      <h3 id={headingId} tabIndex={-1} className="nhsuk-heading-s">
        {version.name} compared with today&rsquo;s plan
      </h3>
      {loaded.status === "loading" && <p>Reading both versions…</p>}
      {loaded.status === "failed" && <p className="nhsuk-error-message">{loaded.error.message}</p>}
      {loaded.status === "loaded" &&
        loaded.data.map((part) => (
          <div key={part.title}>
            {loaded.data.length > 1 && <h4 className="nhsuk-heading-s">{part.title}</h4>}
            {part.sections.every((s) => s.status === "same") ? (
              <p>Nothing has changed since this version.</p>
            ) : (
              // biome-ignore lint/suspicious/noArrayIndexKey: two sections may share a heading and status; a comparison is worked out once, never reordered
              part.sections.map((s, i) => <SectionChanges key={i} section={s} />)
            )}
          </div>
        ))}
      <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={onClose}>
        Close the comparison
      </button>
    </section>
  );
}

const statusWords: Record<SectionComparison["status"], string> = {
  same: "No changes",
  changed: "Changed",
  added: "New section",
  removed: "Section removed",
};

function SectionChanges({ section }: { section: SectionComparison }) {
  const changes = section.changes.filter((c) => c.kind !== "same");
  return (
    <div className="rt-plan-compare__section">
      <h5 className="nhsuk-heading-xs">
        {section.heading || "Before the first heading"}: <span className="rt-plan-compare__status">{statusWords[section.status]}</span>
      </h5>
      {changes.length > 0 && (
        <ul className="rt-plan-compare__changes">
          {changes.map((c, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a comparison worked out once, never reordered
            <li key={i} className={`rt-plan-compare__${c.kind}`}>
              {c.kind === "changed" ? (
                <>
                  <strong>Changed:</strong> <del>{c.before}</del> <span aria-hidden="true">→</span>
                  <span className="nhsuk-u-visually-hidden"> is now </span> <ins>{c.after}</ins>
                </>
              ) : c.kind === "added" ? (
                <>
                  <strong>Added:</strong> <ins>{c.text}</ins>
                </>
              ) : (
                <>
                  <strong>Removed:</strong> <del>{c.text}</del>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function SaveVersion({ documentId, onSaved }: { documentId: string; onSaved: () => void }) {
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const inputId = useId();
  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = newVersionBodySchema.safeParse({ name });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? "Check the name");
    setSaving(true);
    try {
      await saveDocumentVersion(documentId, parsed.data);
      setName("");
      setError(null);
      onSaved();
    } catch (e) {
      setError(e instanceof Error ? e.message : "The version could not be saved. Try again.");
    } finally {
      setSaving(false);
    }
  }
  return (
    <form onSubmit={submit} noValidate>
      <FieldShell
        id={inputId}
        label="Name this version of the plan"
        hint="For example, “Agreed at the review on 8 December 2026”. The plan and its parts are kept as they are now."
        error={error ?? undefined}
      >
        {({ describedBy, invalid }) => (
          <input
            id={inputId}
            className="nhsuk-input"
            value={name}
            maxLength={versionNameMaxLength}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onChange={(e) => setName(e.target.value)}
          />
        )}
      </FieldShell>
      <button type="submit" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small rt-plan-record__save" disabled={saving}>
        Save this version
      </button>
    </form>
  );
}

export function PlanRecord({ document, access }: { document: DocumentDetail; access: AccessLevel }) {
  useRecordPrints(document.id);
  const [printing, setPrinting] = useState<VersionText | null>(null);
  const [comparing, setComparing] = useState<DocumentVersionSummary | null>(null);
  const [reload, setReload] = useState(0);
  const versions = useResource(() => listDocumentVersions(document.id), `versions:${document.id}:${reload}`);
  const headingId = useId();

  async function print() {
    const text = await getDocumentText(document.id);
    setPrinting(text);
    // Let the printed text render before the browser's print dialog takes its picture.
    requestAnimationFrame(() => window.print());
  }

  return (
    <>
    <section className="rt-plan-record rt-no-print" aria-labelledby={headingId}>
      <h2 id={headingId} className="nhsuk-heading-s">
        The plan as a record
      </h2>
      <div className="rt-plan-record__links">
        <a href={documentPdfAddress(document.id)} download>
          Download the plan (PDF)<span className="nhsuk-u-visually-hidden">, as it stands now, with the parts you can open</span>
        </a>
        <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={() => void print()}>
          Print the plan
        </button>
      </div>
      <h3 className="nhsuk-heading-xs">Named versions</h3>
      {versions.status === "loaded" && versions.data.length === 0 && <p>No version of this plan has been named yet.</p>}
      {versions.status === "loaded" && versions.data.length > 0 && (
        <ul className="nhsuk-list rt-plan-record__versions">
          {versions.data.map((v) => (
            <li key={v.id}>
              <strong>{v.name}</strong>
              <span className="rt-plan-record__saved">{savedWords(v)}</span>
              <span className="rt-plan-record__version-links">
                <button type="button" className="rt-link-button" onClick={() => setComparing(v)}>
                  Compare with today&rsquo;s<span className="nhsuk-u-visually-hidden"> plan: {v.name}</span>
                </button>
                <a href={documentPdfAddress(document.id, v.id)} download>
                  Download (PDF)<span className="nhsuk-u-visually-hidden">: {v.name}</span>
                </a>
              </span>
            </li>
          ))}
        </ul>
      )}
      {versions.status === "failed" && <p className="nhsuk-error-message">{versions.error.message}</p>}
      {comparing && <Comparison key={comparing.id} documentId={document.id} version={comparing} onClose={() => setComparing(null)} />}
      {atLeast(access, "edit") && <SaveVersion documentId={document.id} onSaved={() => setReload((n) => n + 1)} />}
      <EditHistory documentId={document.id} />
    </section>
    {printing && <PrintedText text={printing} />}
    </>
  );
}
