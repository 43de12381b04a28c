/**
 * The collab websocket's wire contract, shared by the server (packages/collab's room, the collab
 * endpoint) and the browser (client/src/realtime): the y-websocket message types as stock
 * clients speak them, our two messages of our own, and the close codes. One definition, so a
 * change on one side that the other does not follow fails the typecheck.
 *
 * `messagePersisted` and `messageSaving` are only sent to clients that ask for them by
 * connecting with `?persisted=1`, so a stock provider never sees them.
 */
export const messageSync = 0;
export const messageAwareness = 1;
export const messageAuth = 2;
export const messageQueryAwareness = 3;
/** Server → client: the state vector of everything now durable in the update log. */
export const messagePersisted = 100;
/**
 * Server → client, to the same clients as `messagePersisted`: whether edits are being saved —
 * a varUint, `savingStates.notSaving` while the update log cannot write (the database is away)
 * and `savingStates.saving` once it writes again. Sent when it changes, and on joining while not saving.
 */
export const messageSaving = 101;
export const savingStates = { saving: 1, notSaving: 0 } as const;

/** The query parameter with which a client asks for `messagePersisted` and `messageSaving`: `?persisted=1`. */
export const askForPersisted = { name: "persisted", value: "1" } as const;

/**
 * Close codes used by the collab endpoint (RFC 6455 ranges). A client treats 1008 and every
 * code in 4400–4499 as "stop and ask the API why" (`stopsReconnecting`); every other code makes
 * it reconnect on its own after a back-off.
 */
export const closeCodes = {
  malformed: 1007,
  unsupported: 1003,
  tooLarge: 1009,
  policy: 1008,
  serverShutdown: 1001,
  accessRevoked: 4403,
  /** The person signed out of the session this connection was opened with. */
  sessionEnded: 4401,
  /**
   * The connection sent more messages or bytes a second than the server allows. Deliberately
   * outside 4400–4499 and not 1008: the person may still open the document, so a client that
   * was merely too fast (a huge paste, a burst after being offline) reconnects and carries on.
   */
  rateLimited: 4029,
  /**
   * The person already has as many connections open as the server allows one person. Outside
   * 4400–4499 like rateLimited: once they close a tab, reconnecting after a back-off works.
   */
  tooManyConnections: 4030,
  /**
   * The update would take the document past its size limit. In 4400–4499, so the client stops
   * for good instead of sending the same refused change again on every reconnect.
   */
  documentTooLarge: 4413,
  /** The update nests content deeper than the server allows; as final as documentTooLarge. */
  nestedTooDeep: 4422,
  /**
   * The update would leave the document outside its kind's model (a network map node of an
   * unknown kind, a position that is not a number, too many nodes); as final as documentTooLarge.
   */
  outsideModel: 4423,
  /**
   * An awareness (presence) state bigger than the server relays. Closed rather than silently
   * dropped, so a tool that sends one learns why its presence never shows; the client's own
   * state (a name, a colour, a caret) is a few hundred bytes. Reconnects like rateLimited.
   */
  presenceTooLarge: 4032,
  /**
   * The client stopped reading and too much waits to be sent to it. It reconnects and re-syncs,
   * so nothing is lost; meanwhile the server holds no more than the limit for it.
   */
  fellBehind: 4033,
} as const;

export type CloseCode = (typeof closeCodes)[keyof typeof closeCodes];

/** Codes from which no reconnecting helps: the client stops, keeps its copy and asks the API why. */
const finalCodes = { from: 4400, below: 4500 } as const;

/**
 * Whether a client should stop rather than reconnect after the server closed with this code:
 * 1008 (what the person may do changed, or the session ended) and every code in 4400–4499.
 */
export function stopsReconnecting(code: number): boolean {
  return code === closeCodes.policy || (code >= finalCodes.from && code < finalCodes.below);
}
