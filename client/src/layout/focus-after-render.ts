/**
 * Puts the focus on an element once React has drawn the next frame: the button that opened a
 * question the person has just cancelled, or a field just added. The element may not exist
 * until then, so it is looked up by id at that moment.
 */
export function focusAfterRender(elementId: string): void {
  requestAnimationFrame(() => document.getElementById(elementId)?.focus());
}
