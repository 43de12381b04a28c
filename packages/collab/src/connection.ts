/** What a room needs of a connection: anything that can send bytes and be closed (a websocket on the server, a stub in tests). */
export interface CollabConnection {
  /** The person behind the connection; written to the update log as the author. */
  readonly personId: string;
  /** Their name as the server knows it: the label on their caret, whatever their client says. */
  readonly displayName: string;
  /** False for people who may only read (or comment): their document updates are dropped. */
  readonly canEdit: boolean;
  /** True when the client asked for `messagePersisted` acknowledgements. */
  readonly wantsPersistedAcks: boolean;
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
}
