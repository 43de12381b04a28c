/**
 * The "Change allocation" form's rules: a keyworker, an optional second keyworker, and rows of
 * cover (who, first day, last day). Checked before sending with the server's own schema and
 * words; the server's answer read back onto the fields, including each row's ("cover.1.to").
 */
import { allocationBodySchema, coverProblems, maxCoverEntries, type AllocationBody, type CaseAllocation } from "@roundtable/domain";
import { formErrors, formErrorsFromServer, type FormErrors, type FormLayout } from "../auth/form-errors";

export interface CoverRow {
  /** Stable across edits, for React's keys; not sent. */
  key: number;
  personId: string;
  from: string;
  to: string;
}

export interface AllocationForm {
  keyworkerId: string;
  secondKeyworkerId: string;
  cover: CoverRow[];
}

export type AllocationFormErrors = FormErrors<string>;

/** "alloc-keyworkerId", "alloc-cover-1-to": each field's id on the page. */
export const allocationFieldId = (field: string) => `alloc-${field.replace(/\./g, "-")}`;

function layoutOf(form: AllocationForm): FormLayout<string> {
  const coverFields = form.cover.flatMap((_, i) => [`cover.${i}.personId`, `cover.${i}.from`, `cover.${i}.to`]);
  return { fields: ["keyworkerId", "secondKeyworkerId", "cover", ...coverFields], fieldId: allocationFieldId };
}

let nextKey = 1;
export function newCoverRow(): CoverRow {
  return { key: nextKey++, personId: "", from: "", to: "" };
}

/** The form as the allocation is now: what "Change allocation" starts from. */
export function allocationFormOf(allocation: CaseAllocation): AllocationForm {
  return {
    keyworkerId: allocation.keyworker?.id ?? "",
    secondKeyworkerId: allocation.secondKeyworker?.id ?? "",
    cover: allocation.cover.map((c) => ({ key: nextKey++, personId: c.person.id, from: c.from, to: c.to })),
  };
}

export function allocationBody(form: AllocationForm): AllocationBody {
  return {
    keyworkerId: form.keyworkerId,
    secondKeyworkerId: form.secondKeyworkerId || null,
    cover: form.cover.map(({ personId, from, to }) => ({ personId, from, to })),
  };
}

export function canAddCover(form: AllocationForm): boolean {
  return form.cover.length < maxCoverEntries;
}

/** What is wrong before sending, in the server's words; null when it can be sent. */
export function checkAllocationForm(form: AllocationForm, today: string): AllocationFormErrors | null {
  const fields: Record<string, string> = {};
  form.cover.forEach((row, i) => {
    if (!row.from) fields[`cover.${i}.from`] = "Give the first day of cover";
    if (!row.to) fields[`cover.${i}.to`] = "Give the last day of cover";
  });
  const parsed = allocationBodySchema.safeParse(allocationBody(form));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = issue.path.join(".");
      fields[name] ??= issue.message;
    }
  }
  for (const [name, message] of Object.entries(coverProblems(form.cover.filter((row) => row.to), today))) fields[name] ??= message;
  return Object.keys(fields).length > 0 ? formErrors(layoutOf(form), fields) : null;
}

export function allocationErrorsFromServer(form: AllocationForm, error: unknown): AllocationFormErrors {
  const layout = layoutOf(form);
  return formErrorsFromServer(layout, error, { fieldFor: (name) => layout.fields.find((f) => f === name) });
}
