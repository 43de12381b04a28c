/**
 * The details (team, agencies) of several cases at once, fetched once each and kept while the
 * screen is open, so ticking another case only loads that one. A case that cannot be loaded
 * (no access, gone) is left out and named in `failed`.
 */
import type { CaseDetail } from "@roundtable/domain";
import { useEffect, useMemo, useRef, useState } from "react";
import { getCase, type ApiRequestError } from "../api/api";
import { asApiError } from "../api/use-resource";
import { useSession } from "../auth/session-context";

type Loaded = { status: "loaded"; detail: CaseDetail } | { status: "failed"; error: ApiRequestError };

export interface CaseDetails {
  /** In the order asked for, only those loaded. */
  details: CaseDetail[];
  loading: boolean;
  failed: string[];
}

export function useCaseDetails(caseIds: readonly string[]): CaseDetails {
  const { sessionEnded } = useSession();
  const [loaded, setLoaded] = useState<ReadonlyMap<string, Loaded>>(new Map());
  const asked = useRef(new Set<string>());
  const key = caseIds.join(",");

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` is the list of ids; the array itself is new each render
  useEffect(() => {
    for (const caseId of caseIds) {
      if (asked.current.has(caseId)) continue;
      asked.current.add(caseId);
      getCase(caseId).then(
        (detail) => setLoaded((current) => new Map(current).set(caseId, { status: "loaded", detail })),
        (error: unknown) => {
          const failure = asApiError(error);
          if (failure.isSessionEnded) return sessionEnded();
          setLoaded((current) => new Map(current).set(caseId, { status: "failed", error: failure }));
        },
      );
    }
  }, [key, sessionEnded]);

  // The same object until something arrives, so screens that pass it on do not re-render.
  return useMemo(() => {
    const details: CaseDetail[] = [];
    const failed: string[] = [];
    let loading = false;
    for (const caseId of key.split(",").filter((id) => id.length > 0)) {
      const entry = loaded.get(caseId);
      if (!entry) loading = true;
      else if (entry.status === "loaded") details.push(entry.detail);
      else failed.push(caseId);
    }
    return { details, loading, failed };
  }, [key, loaded]);
}
