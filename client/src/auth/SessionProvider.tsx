/**
 * Checks the session cookie once on load (GET /api/me) and keeps the answer. A 401 from any
 * later request ends the session here, which takes the person to sign in and back afterwards.
 */
import type { Me } from "@roundtable/domain";
import { useCallback, useEffect, useMemo, useState, type ReactNode } from "react";
import { ApiRequestError, getMe, signOut as requestSignOut } from "../api/api";
import { navigate } from "../navigation/history";
import { paths } from "../navigation/routes";
import { closePresenceSocket, presenceSocket } from "../realtime/presence-socket";
import { SessionContext, type Session, type SessionState } from "./session-context";

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: "checking" });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the retry trigger, read by nothing inside
  useEffect(() => {
    let cancelled = false;
    getMe()
      .then((me) => {
        if (!cancelled) setState({ status: "signed-in", me });
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        if (error instanceof ApiRequestError && error.isSessionEnded) setState({ status: "signed-out" });
        else setState({ status: "unavailable", message: messageOf(error) });
      });
    return () => {
      cancelled = true;
    };
  }, [attempt]);

  const signedIn = useCallback((me: Me) => {
    closePresenceSocket(); // whoever was signed in on this tab before: their socket goes with them
    setState({ status: "signed-in", me });
  }, []);

  const sessionEnded = useCallback(() => {
    closePresenceSocket();
    // The app shell sends the person to sign in, with this reason and a way back.
    setState((previous) =>
      previous.status === "signed-out" ? previous : { status: "signed-out", reason: "session-ended" },
    );
  }, []);

  // The server disconnects the presence socket when its session ends: signed out in another tab,
  // expired, or someone else signed in on this browser. Pages with no document open learn it here.
  // Keyed on the signed-in `me` object, not the id: signing in again (even as the same person)
  // makes a new socket, and this must listen to that one.
  const signedInMe = state.status === "signed-in" ? state.me : null;
  useEffect(() => {
    if (signedInMe === null) return;
    const socket = presenceSocket();
    let active = true;
    const onDisconnect = (reason: string) => {
      if (reason !== "io server disconnect") return;
      getMe().then(
        (me) => {
          if (active) me.id === signedInMe.id ? socket.connect() : sessionEnded();
        },
        (error: unknown) => {
          // An answer about a session this tab has since replaced (signed in again) is old news.
          if (!active) return;
          if (error instanceof ApiRequestError && error.isSessionEnded) sessionEnded();
          else socket.connect();
        },
      );
    };
    socket.on("disconnect", onDisconnect);
    return () => {
      active = false;
      socket.off("disconnect", onDisconnect);
    };
  }, [signedInMe, sessionEnded]);

  const signOut = useCallback(async () => {
    try {
      await requestSignOut();
    } catch (error) {
      // Already signed out on the server is the outcome we wanted; anything else is worth saying.
      if (!(error instanceof ApiRequestError && error.isSessionEnded)) throw error;
    }
    closePresenceSocket();
    setState({ status: "signed-out" });
    navigate(paths.signIn(), { replace: true });
  }, []);

  const retry = useCallback(() => {
    setState({ status: "checking" });
    setAttempt((n) => n + 1);
  }, []);

  const session = useMemo<Session>(
    () => ({ state, signedIn, signOut, sessionEnded, retry }),
    [state, signedIn, signOut, sessionEnded, retry],
  );
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

function messageOf(error: unknown): string {
  return error instanceof ApiRequestError ? error.message : "Something went wrong. Try again.";
}
