/**
 * After sending: an NHS.UK success banner with the link and a "Copy link" button, so a keyworker
 * (or the ICB lead, for a place on a CETR's panel) can pass it on themselves when email is not set
 * up or does not arrive. The link is shown only now: the server keeps just a hash of it.
 */
import type { CreatedInvitation } from "@roundtable/domain";
import { useEffect, useRef, useState } from "react";
import { formatUkDate } from "../layout/uk-time";
import "./invitations.css";

/** What the banner needs of a sent invitation, whatever it invites to. */
export type SentLink = Pick<CreatedInvitation, "id" | "email" | "name" | "link" | "emailed" | "expiresAt">;

/** @param lets what the link lets whoever has it do: "join this case's team". */
export function InvitationSent({ invitation, lets = "join this case's team" }: { invitation: SentLink; lets?: string }) {
  const bannerRef = useRef<HTMLDivElement>(null);
  const linkRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<"copied" | "select" | null>(null);

  // Moves focus to the banner each time a new invitation is sent, as the NHS.UK banner does.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs for each new invitation
  useEffect(() => {
    bannerRef.current?.focus();
    setCopied(null);
  }, [invitation.id]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(invitation.link);
      setCopied("copied");
    } catch {
      // No clipboard access (an older browser, or a locked-down one): select it for them instead.
      linkRef.current?.select();
      setCopied("select");
    }
  };

  const until = formatUkDate(invitation.expiresAt);
  const who = invitation.name ?? invitation.email;
  return (
    <div
      className="nhsuk-notification-banner nhsuk-notification-banner--success rt-invitation-sent"
      role="alert"
      aria-labelledby="invitation-sent-title"
      ref={bannerRef}
      tabIndex={-1}
      data-testid="invitation-sent"
    >
      <div className="nhsuk-notification-banner__header">
        <h3 className="nhsuk-notification-banner__title" id="invitation-sent-title">
          Success
        </h3>
      </div>
      <div className="nhsuk-notification-banner__content">
        <p className="nhsuk-notification-banner__heading">
          {invitation.emailed ? `Invitation sent to ${who}` : `Invitation ready for ${who}`}
        </p>
        <p>
          {invitation.emailed
            ? `We have emailed a link to ${invitation.email}. If it does not arrive, copy the link and send it to them another way.`
            : `Roundtable cannot send email here, so copy the link and send it to ${invitation.email} yourself.`}{" "}
          The link works once, until {until}. Send it only to them: it lets whoever has it {lets}.
        </p>
        <div className="nhsuk-form-group rt-invitation-link">
          <label className="nhsuk-label" htmlFor="invitation-link">
            Invitation link
          </label>
          <input
            className="nhsuk-input"
            id="invitation-link"
            type="text"
            readOnly
            spellCheck={false}
            value={invitation.link}
            ref={linkRef}
            onFocus={(event) => event.target.select()}
          />
        </div>
        <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0" onClick={copy}>
          Copy link
        </button>
        <p className="rt-invitation-sent__copied" role="status">
          {copied === "copied" && "Link copied."}
          {copied === "select" && "The link is selected: copy it with your keyboard or menu."}
        </p>
      </div>
    </div>
  );
}
