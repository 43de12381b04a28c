/**
 * Changing an action from a list: clears the row's last error, saves, then says what happened
 * (to screen readers when it worked, in the row with the server's reason when it did not).
 */
import type { Action, UpdateActionBody } from "@roundtable/domain";
import { useCallback, useState } from "react";

export interface ActionChanges {
  /** Action id → why its last change did not save. */
  errors: ReadonlyMap<string, string>;
  /** What just happened, for a visually hidden status line. */
  announcement: string;
  change(action: Action, body: UpdateActionBody, whenSaved: string, whenFailed: string): Promise<void>;
}

export function useActionChanges(update: (actionId: string, body: UpdateActionBody) => Promise<void>): ActionChanges {
  const [errors, setErrors] = useState<ReadonlyMap<string, string>>(new Map());
  const [announcement, setAnnouncement] = useState("");

  const change = useCallback(
    async (action: Action, body: UpdateActionBody, whenSaved: string, whenFailed: string) => {
      setErrors((current) => {
        const next = new Map(current);
        next.delete(action.id);
        return next;
      });
      setAnnouncement("");
      try {
        await update(action.id, body);
        setAnnouncement(whenSaved);
      } catch (error) {
        const reason = error instanceof Error ? error.message : "Try again.";
        setErrors((current) => new Map(current).set(action.id, `${whenFailed} ${reason}`));
      }
    },
    [update],
  );

  return { errors, announcement, change };
}
