/**
 * Who is here in a room ("case:<id>", "document:<id>" or "meeting:<id>"), live. Joins when the
 * socket connects (and again after every reconnect, since the server forgets us), leaves on
 * unmount.
 */
import type { PresentPerson } from "@roundtable/domain";
import { useEffect, useState } from "react";
import { presenceSocket, readPresenceUpdate } from "./presence-socket";

export type Presence =
  | { status: "connecting" }
  | { status: "unavailable" }
  | { status: "live"; people: PresentPerson[] };

export function usePresence(room: string): Presence {
  const [presence, setPresence] = useState<{ room: string; value: Presence } | null>(null);

  useEffect(() => {
    const socket = presenceSocket();
    const join = () => socket.emit("presence:join", { room });
    const onPresence = (message: unknown) => {
      const update = readPresenceUpdate(message);
      if (update && update.room === room) setPresence({ room, value: { status: "live", people: update.people } });
    };
    const onTrouble = () => setPresence({ room, value: { status: "unavailable" } });

    socket.on("connect", join);
    socket.on("presence", onPresence);
    socket.on("disconnect", onTrouble);
    socket.on("connect_error", onTrouble);
    if (socket.connected) join();
    return () => {
      if (socket.connected) socket.emit("presence:leave", { room });
      socket.off("connect", join);
      socket.off("presence", onPresence);
      socket.off("disconnect", onTrouble);
      socket.off("connect_error", onTrouble);
    };
  }, [room]);

  return presence && presence.room === room ? presence.value : { status: "connecting" };
}
