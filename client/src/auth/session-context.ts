/** Who is signed in, shared with every screen. */
import type { Me } from "@roundtable/domain";
import { createContext, useContext } from "react";

export type SessionState =
  | { status: "checking" }
  | { status: "unavailable"; message: string }
  | { status: "signed-out"; reason?: "session-ended" }
  | { status: "signed-in"; me: Me };

export interface Session {
  state: SessionState;
  /** After a successful sign-in. */
  signedIn(me: Me): void;
  signOut(): Promise<void>;
  /** The server said 401: send the person to sign in, then back to this page. */
  sessionEnded(): void;
  retry(): void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession must be used inside SessionProvider");
  return session;
}

/** For pages that only render when someone is signed in. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== "signed-in") throw new Error("useMe must be used on a signed-in page");
  return state.me;
}
