/**
 * The always-visible line saying whether work is saved. Its text is exactly the state (tests
 * read it); the coloured marker comes from CSS so it adds nothing to what is announced.
 */
import { connectionStates, type ConnectionState } from "./connection-state";
import "./realtime.css";

const stateKeys = new Map<ConnectionState, string>(
  Object.entries(connectionStates).map(([key, text]) => [text as ConnectionState, key]),
);

export function ConnectionStatus({ state }: { state: ConnectionState }) {
  return (
    <p className="rt-connection" role="status" aria-live="polite" data-testid="connection-state" data-state={stateKeys.get(state)}>
      {state}
    </p>
  );
}
