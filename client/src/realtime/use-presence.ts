/**
 * Who is here in a room ("case:<id>", "document:<id>" or "meeting:<id>"), live. Holds the room
 * (joined on connect and after every reconnect) until unmount.
 */
import { readServerMessage, type PresentPerson } from "@roundtable/domain";
import { useEffect, useState } from "react";
import { holdRoom, presenceSocket } from "./presence-socket";

export type Presence =
  | { status: "connecting" }
  | { status: "unavailable" }
  | { status: "live"; people: PresentPerson[] };

export function usePresence(room: string): Presence {
  const [presence, setPresence] = useState<{ room: string; value: Presence } | null>(null);

  useEffect(() => {
    const socket = presenceSocket();
    const onPresence = (message: unknown) => {
      // The server's message is checked before it reaches the screen, like any other edge.
      const update = readServerMessage("presence", message);
      if (update && update.room === room) setPresence({ room, value: { status: "live", people: update.people } });
    };
    const onTrouble = () => setPresence({ room, value: { status: "unavailable" } });

    socket.on("presence", onPresence);
    socket.on("disconnect", onTrouble);
    socket.on("connect_error", onTrouble);
    // Listening first, so the list the server sends on joining is heard.
    const release = holdRoom(room);
    return () => {
      release();
      socket.off("presence", onPresence);
      socket.off("disconnect", onTrouble);
      socket.off("connect_error", onTrouble);
    };
  }, [room]);

  return presence && presence.room === room ? presence.value : { status: "connecting" };
}
