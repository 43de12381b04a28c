/**
 * Said when the server refused one of this person's changes for good: the document has reached
 * its size limit, or a change nested content deeper than it accepts. The editor stays on screen,
 * read-only, so they can copy what they wrote; the connection is not retried, because the same
 * change would be refused again. Starting afresh drops this device's unsaved copy and reloads.
 */
import { readerRelation } from "@roundtable/domain";
import { useMe } from "../auth/session-context";
import { FocusedAlert } from "../layout/FocusedAlert";
import { documentFullNextStep } from "./document-words";
import type { CollabSession } from "../realtime/collab-session";

const messages = {
  "too-large": {
    title: "Your latest changes can't be saved",
    body: "This document has reached its size limit, so your latest changes can't be saved. Copy anything you need from it and keep it somewhere safe, ",
  },
  "too-deep": {
    title: "Your latest change can't be saved",
    body: "Your latest change puts too many lists or quotes inside each other, so it can't be saved. Copy anything you need from it and keep it somewhere safe, then start again from the saved document.",
  },
  // A network map holds people and the links between them, not text (the map's editor is not built yet).
  "outside-model": {
    title: "Your latest change can't be saved",
    body: "This kind of document can't hold that change, so it can't be saved. Copy anything you need from it and keep it somewhere safe, then start again from the saved document.",
  },
} as const;

export function ChangeRefused({ reason, session }: { reason: keyof typeof messages; session: CollabSession }) {
  const { title, body: said } = messages[reason];
  const reader = readerRelation({ accountRole: useMe().role, isOwnKeyworker: false });
  const body = reason === "too-large" ? `${said}${documentFullNextStep(reader)}` : said;
  return (
    <FocusedAlert id="change-refused-title" title={title}>
      <p>{body}</p>
      <p>Your unsaved changes are only on this device.</p>
      <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => void session.startAfresh()}>
        I have copied what I need: open the saved document
      </button>
    </FocusedAlert>
  );
}
