/**
 * Who else is on the drawn map, and where: each person's pointer (in the map's own coordinates,
 * so it lands on the same spot whatever each screen's zoom) and what they have selected, shared
 * through the document connection's awareness as the text editor shares carets. Sent at most
 * every 50 ms while the pointer moves; cleared when it leaves the map.
 */
import { useEffect, useState } from "react";
import type { Awareness } from "y-protocols/awareness";

export interface MapPresence {
  clientId: number;
  name: string;
  colour: string;
  pointer: { x: number; y: number } | null;
  selection: string[];
}

interface SharedState {
  user?: { name?: unknown; color?: unknown };
  mapPointer?: { x?: unknown; y?: unknown } | null;
  mapSelection?: unknown;
}

/** Another person's state as shared: anything malformed reads as nothing, never a crash. */
export function readPresence(clientId: number, state: SharedState): MapPresence | null {
  const name = typeof state.user?.name === "string" ? state.user.name : null;
  if (!name) return null;
  const colour = typeof state.user?.color === "string" && /^#[0-9a-fA-F]{3,8}$/.test(state.user.color) ? state.user.color : "#4c6272";
  const p = state.mapPointer;
  const pointer = p && typeof p.x === "number" && typeof p.y === "number" && Number.isFinite(p.x) && Number.isFinite(p.y) ? { x: p.x, y: p.y } : null;
  const selection = Array.isArray(state.mapSelection) ? state.mapSelection.filter((id): id is string => typeof id === "string").slice(0, 50) : [];
  return { clientId, name: name.slice(0, 100), colour, pointer, selection };
}

export function useMapPresence(awareness: Awareness, me: { name: string; colour: string }): MapPresence[] {
  const [others, setOthers] = useState<MapPresence[]>([]);
  useEffect(() => {
    awareness.setLocalStateField("user", { name: me.name, color: me.colour });
    const changed = () => {
      const seen: MapPresence[] = [];
      for (const [clientId, state] of awareness.getStates()) {
        if (clientId === awareness.clientID) continue;
        const presence = readPresence(clientId, state as SharedState);
        if (presence) seen.push(presence);
      }
      setOthers(seen);
    };
    awareness.on("change", changed);
    changed();
    return () => {
      awareness.off("change", changed);
      awareness.setLocalStateField("mapPointer", null);
      awareness.setLocalStateField("mapSelection", []);
    };
  }, [awareness, me.name, me.colour]);
  return others;
}

/** Sends this person's pointer, at most every `everyMs`, the last one always. */
export function pointerSender(awareness: Awareness, everyMs = 50) {
  let last = 0;
  let pending: ReturnType<typeof setTimeout> | null = null;
  let latest: { x: number; y: number } | null = null;
  const flush = () => {
    pending = null;
    last = Date.now();
    awareness.setLocalStateField("mapPointer", latest);
  };
  return (at: { x: number; y: number } | null) => {
    latest = at && { x: Math.round(at.x), y: Math.round(at.y) };
    if (at === null) {
      if (pending) clearTimeout(pending);
      flush();
      return;
    }
    const wait = everyMs - (Date.now() - last);
    if (wait <= 0) flush();
    else pending ??= setTimeout(flush, wait);
  };
}
