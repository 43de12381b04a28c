/**
 * The signed-in person's easy-read choice (ADR 0023): kept on the server, so it follows them to
 * another device. Shown at once when changed; put back, with a message, if saving fails.
 */
import { useState } from "react";
import { getReadingPreference, saveReadingPreference } from "../api/api";
import { useLiveResource } from "../api/use-resource";

export interface EasyReadChoice {
  easyRead: boolean;
  /** Known yet: until then the page shows the document as usual. */
  known: boolean;
  problem: string | null;
  toggle(): void;
}

export function useEasyRead(): EasyReadChoice {
  const { resource, change } = useLiveResource(getReadingPreference, "easy-read-preference");
  const [problem, setProblem] = useState<string | null>(null);
  const easyRead = resource.status === "loaded" && resource.data.easyRead;
  const toggle = () => {
    const wanted = !easyRead;
    setProblem(null);
    change(() => ({ easyRead: wanted }));
    saveReadingPreference({ easyRead: wanted }).catch((error: Error) => {
      change(() => ({ easyRead: !wanted }));
      setProblem(`Your easy-read choice was not saved: ${error.message}`);
    });
  };
  return { easyRead, known: resource.status === "loaded", problem, toggle };
}
