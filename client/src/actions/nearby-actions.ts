/** When an action leaves a list, the ones to carry on with: the next, then the one before. */
export function nearbyActions<T>(list: readonly T[], item: T): T[] {
  const index = list.indexOf(item);
  if (index === -1) return [];
  return [list[index + 1], list[index - 1]].filter((other): other is T => other !== undefined);
}
