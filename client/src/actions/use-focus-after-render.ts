/**
 * Put focus somewhere sensible after a change re-draws the list (a row that moves to another
 * group is a new element, so the button that was pressed is gone). Takes ids to try in order.
 */
import { useEffect, useState } from "react";

export function useFocusAfterRender(): (ids: readonly string[]) => void {
  const [targets, setTargets] = useState<readonly string[] | null>(null);
  useEffect(() => {
    if (!targets) return;
    for (const id of targets) {
      const element = document.getElementById(id);
      if (element && element.getClientRects().length > 0) {
        element.focus();
        break;
      }
    }
    setTargets(null);
  }, [targets]);
  return setTargets;
}
