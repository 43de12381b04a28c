/**
 * An audit event's details, said in words for the people who oversee a case: "12 changes",
 * "Downloaded as PDF (agreed version)", "Removed Dr Ben Carter". The server stores details as
 * loose JSON that has grown over time, so each field is checked before it is used and anything
 * unexpected is left out rather than shown raw.
 */
import {
  consentKindLabels,
  consentKinds,
  panelPlaceLabels,
  panelPlaces,
  roleLabels,
  roles,
  ukCalendarDate,
  type AuditEvent,
  type ConsentKind,
  type PanelPlace,
  type Role,
} from "@roundtable/domain";

function text(detail: Record<string, unknown>, name: string): string | null {
  const value = detail[name];
  return typeof value === "string" && value.trim().length > 0 ? value : null;
}

function count(detail: Record<string, unknown>, name: string): number | null {
  const value = detail[name];
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : null;
}

function role(detail: Record<string, unknown>, name: string): string | null {
  const value = detail[name];
  return typeof value === "string" && (roles as readonly string[]).includes(value) ? roleLabels[value as Role].toLowerCase() : null;
}

/** "independent chair": a CETR panel place, in words. */
function panelPlace(detail: Record<string, unknown>): string | null {
  const value = detail.place;
  return typeof value === "string" && (panelPlaces as readonly string[]).includes(value) ? panelPlaceLabels[value as PanelPlace].toLowerCase() : null;
}

function consentKind(detail: Record<string, unknown>): ConsentKind | null {
  const value = detail.kind;
  return typeof value === "string" && (consentKinds as readonly string[]).includes(value) ? (value as ConsentKind) : null;
}

/** "to share information with Northbridge CAMHS", "to be on the Dynamic Support Register". */
export function consentWords(kind: ConsentKind, agencyName: string | null): string {
  const label = consentKindLabels[kind];
  const words = label.charAt(0).toLowerCase() + label.slice(1);
  if (kind !== "share-with-agency") return words;
  return `${words} ${agencyName ?? "an agency"}`;
}

/** A network map's picture of the young person, added, changed or removed (its own edit on the trail). */
const pictureWords = { added: "Added", changed: "Changed", removed: "Removed" } as const;

function withRole(start: string, roleWords: string | null): string {
  return roleWords ? `${start} as ${roleWords}` : start;
}

/**
 * @param agencyName the agency's name from its id, for consent events (the case's agencies).
 */
export function describeAuditDetails(event: Pick<AuditEvent, "action" | "detail">, agencyName: (id: string) => string | undefined = () => undefined): string {
  const detail = event.detail ?? {};
  const name = text(detail, "name");
  switch (event.action) {
    case "opened":
    case "printed":
      return "";
    case "edited": {
      const picture = text(detail, "picture");
      if (picture === "added" || picture === "changed" || picture === "removed") return `${pictureWords[picture]} the young person's picture`;
      const changes = count(detail, "changes");
      if (changes === null) return "";
      return changes === 1 ? "1 change" : `${changes} changes`;
    }
    case "exported": {
      const format = text(detail, "format");
      const version = text(detail, "version");
      const start = format ? `Downloaded as ${format.toUpperCase()}` : "Downloaded";
      if (text(detail, "list") === "register") {
        const children = count(detail, "children");
        return children === null ? `${start}, in a list from the register` : `${start}, in a list of ${children === 1 ? "1 child" : `${children} children`} from the register`;
      }
      // A care plan's PDF ends with the child's network maps the reader may open; each map's own trail says it went in one.
      const maps = count(detail, "networkMaps");
      if (maps) return `${start}, with ${maps === 1 ? "1 network map" : `${maps} network maps`}`;
      if (text(detail, "in") === "care-plan") return `${start}, in the care plan`;
      if (version === "agreed") return `${start} (agreed version)`;
      if (version === "draft") return `${start} (draft, not yet agreed)`;
      return start;
    }
    case "invited": {
      const email = text(detail, "email");
      return email ? withRole(`Invited ${email}`, role(detail, "role")) : "";
    }
    case "invitation-withdrawn": {
      const email = text(detail, "email");
      return email ? `Withdrew the invitation to ${email}` : "";
    }
    case "joined": {
      const start = withRole("Joined the team", role(detail, "role"));
      return detail.newAccount === true ? `${start}, with a new account` : start;
    }
    case "member-added":
      return name ? withRole(`Added ${name}`, role(detail, "role")) : "";
    case "role-changed": {
      if (!name) return "";
      const from = role(detail, "from");
      const to = role(detail, "to");
      if (from && to) return `Changed ${name} from ${from} to ${to}`;
      return to ? `Made ${name} ${to}` : `Changed ${name}'s role`;
    }
    case "member-removed":
      return name ? `Removed ${name}` : "";
    case "consent-recorded": {
      const kind = consentKind(detail);
      if (!kind) return "";
      const agencyId = text(detail, "agencyId");
      const decision = detail.decision === "declined" ? "declined" : "given";
      return `Consent ${consentWords(kind, agencyId ? (agencyName(agencyId) ?? null) : null)} was ${decision}`;
    }
    case "consent-withdrawn": {
      const kind = consentKind(detail);
      if (!kind) return "";
      const agencyId = text(detail, "agencyId");
      return `Consent ${consentWords(kind, agencyId ? (agencyName(agencyId) ?? null) : null)} was withdrawn`;
    }
    case "young-person-linked": {
      if (!name) return "";
      const agreement = text(detail, "agreement");
      return agreement ? `Linked ${name}'s account as the young person's own. How they agreed: ${agreement}` : `Linked ${name}'s account as the young person's own`;
    }
    case "young-person-unlinked":
      return name ? `Unlinked ${name}'s account` : "";
    case "rag-rating-changed": {
      // Levels a service added have names of their own, so any short word is shown as stored.
      const from = text(detail, "from");
      const to = text(detail, "to");
      if (!to || to.length > 40) return "";
      return from && from.length <= 40 ? `From ${from} to ${to}` : `Rated ${to}`;
    }
    case "cetr-requested":
    case "cetr-held":
    case "cetr-agreed":
      return "";
    case "cetr-arranged": {
      const heldOn = text(detail, "heldOn");
      return heldOn && /^\d{4}-\d{2}-\d{2}$/.test(heldOn) ? `For ${heldOn}` : "";
    }
    case "cetr-panel-changed": {
      const place = panelPlace(detail);
      return name && place ? `${name}, ${place}` : "";
    }
    case "cetr-panel-invited": {
      const email = text(detail, "email");
      const place = panelPlace(detail);
      return email && place ? `Invited ${email} as ${place}` : "";
    }
    case "cetr-panel-invitation-withdrawn": {
      const email = text(detail, "email");
      if (!email) return "";
      return detail.cetrEnded === true ? `Withdrew the invitation to ${email}, as the CETR ended` : `Withdrew the invitation to ${email}`;
    }
    case "cetr-panel-joined": {
      const place = panelPlace(detail);
      const start = place ? `Took up a place on the panel as ${place}` : "Took up a place on the panel";
      return detail.newAccount === true ? `${start}, with a new account` : start;
    }
    case "cetr-withdrawn": {
      const reason = text(detail, "reason");
      return reason ? `Why: ${reason}` : "";
    }
    case "referral-accepted": {
      const rating = text(detail, "rating");
      const keyworker = text(detail, "keyworker");
      const rated = rating && rating.length <= 40 ? `Accepted onto the register, rated ${rating}` : "Accepted onto the register";
      return keyworker ? `${rated}, with ${keyworker} as keyworker` : rated;
    }
    case "referral-declined":
      return "";
    case "allocation-changed":
      return allocationWords(detail);
    case "password-reset-requested":
      return "";
    case "password-reset-completed": {
      const ended = count(detail, "sessionsEnded");
      return ended ? `Signed out of ${ended === 1 ? "1 session" : `${ended} sessions`}` : "";
    }
    case "password-reset-refused": {
      const reason = text(detail, "reason");
      return reason ? `The link was refused: ${reason}` : "";
    }
    case "relationship-label-added": {
      const label = text(detail, "label");
      return label ? `Added “${label}”` : "";
    }
    case "relationship-label-removed": {
      const label = text(detail, "label");
      return label ? `Removed “${label}”` : "";
    }
    case "relationship-label-moved": {
      const label = text(detail, "label");
      const position = count(detail, "position");
      return label && position !== null ? `Moved “${label}” to place ${position + 1} in the service's own list` : "";
    }
    case "relationship-label-renamed": {
      const from = text(detail, "from");
      const to = text(detail, "to");
      return from && to ? `From “${from}” to “${to}”` : "";
    }
  }
}

/** "Keyworker Priya Shah; second keyworker Tom Hughes; cover: Tom Hughes, 2 Mar to 13 Mar 2026". */
function allocationWords(detail: Record<string, unknown>): string {
  const parts: string[] = [];
  const keyworker = text(detail, "keyworker");
  if (keyworker) parts.push(`Keyworker ${keyworker}`);
  const second = text(detail, "secondKeyworker");
  parts.push(second ? `second keyworker ${second}` : "no second keyworker");
  const cover = Array.isArray(detail.cover) ? detail.cover.filter((c): c is Record<string, unknown> => typeof c === "object" && c !== null) : [];
  const covering = cover.flatMap((c) => {
    const name = text(c, "name");
    const from = text(c, "from");
    const to = text(c, "to");
    return name && from && to && /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) ? [`${name}, ${ukCalendarDate(from)} to ${ukCalendarDate(to)}`] : [];
  });
  parts.push(covering.length > 0 ? `cover: ${covering.join("; ")}` : "no cover");
  return parts.join("; ");
}
