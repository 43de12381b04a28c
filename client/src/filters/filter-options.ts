/** The choices in a list's filter boxes (overdue actions, the audit trail), in alphabetical order. */
export interface FilterOption {
  value: string;
  label: string;
}

export function byOptionLabel(a: FilterOption, b: FilterOption): number {
  return a.label.localeCompare(b.label, "en-GB");
}

/** Cases or agencies as choices, by name. */
export function namedOptions(items: readonly { id: string; name: string }[]): FilterOption[] {
  return items.map((item) => ({ value: item.id, label: item.name })).sort(byOptionLabel);
}

/**
 * The choices, plus the one in the address when it is not among them (a bookmarked case that
 * has since closed, say), so the box never claims "All" while a filter is on.
 */
export function withChosen(options: readonly FilterOption[], chosen: string | null, missingLabel: string): FilterOption[] {
  if (!chosen || options.some((option) => option.value === chosen)) return [...options];
  return [...options, { value: chosen, label: missingLabel }];
}
