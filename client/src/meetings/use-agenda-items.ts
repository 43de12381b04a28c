/** The agenda items in the minutes, kept up to date as anyone edits them; null until the minutes are open. */
import { useCallback, useRef, useSyncExternalStore } from "react";
import type * as Y from "yjs";
import { agendaItems } from "./agenda-items";

const minutesField = "default";
const noSubscription = () => () => {};

export function useAgendaItems(doc: Y.Doc | null): readonly string[] | null {
  const cache = useRef<{ doc: Y.Doc; key: string; items: readonly string[] } | null>(null);

  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!doc) return noSubscription();
      const fragment = doc.getXmlFragment(minutesField);
      fragment.observeDeep(onChange);
      return () => fragment.unobserveDeep(onChange);
    },
    [doc],
  );

  // The same array until the words change, so typing elsewhere in the minutes does not re-render.
  const getSnapshot = useCallback((): readonly string[] | null => {
    if (!doc) return null;
    const items = agendaItems(doc.getXmlFragment(minutesField));
    const key = JSON.stringify(items);
    if (cache.current?.doc !== doc || cache.current.key !== key) cache.current = { doc, key, items };
    return cache.current.items;
  }, [doc]);

  return useSyncExternalStore(subscribe, getSnapshot);
}
