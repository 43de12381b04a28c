import { describe, expect, it } from "vitest";
import { describeAuditDetails } from "./audit-details";

const camhs = "11111111-1111-4111-8111-111111111111";
const agencyName = (id: string) => (id === camhs ? "Northbridge CAMHS" : undefined);

describe("an audit event's details in words", () => {
  it("counts the changes in an editing session", () => {
    expect(describeAuditDetails({ action: "edited", detail: { changes: 12, from: "2026-11-25T19:00:00Z" } })).toBe("12 changes");
    expect(describeAuditDetails({ action: "edited", detail: { changes: 1 } })).toBe("1 change");
    expect(describeAuditDetails({ action: "edited", detail: { picture: "added" } })).toBe("Added the young person's picture");
    expect(describeAuditDetails({ action: "edited", detail: { picture: "removed" } })).toBe("Removed the young person's picture");
    expect(describeAuditDetails({ action: "edited", detail: { picture: "<b>" } })).toBe("");
  });

  it("says which version of the minutes was downloaded", () => {
    expect(describeAuditDetails({ action: "exported", detail: { format: "pdf", version: "agreed" } })).toBe("Downloaded as PDF (agreed version)");
    expect(describeAuditDetails({ action: "exported", detail: { format: "pdf", version: "draft" } })).toBe("Downloaded as PDF (draft, not yet agreed)");
    expect(describeAuditDetails({ action: "exported", detail: { format: "csv", list: "register", children: 12 } })).toBe("Downloaded as CSV, in a list of 12 children from the register");
  });

  it("says a care plan's PDF was downloaded with the child's network maps, and a map in one", () => {
    expect(describeAuditDetails({ action: "exported", detail: { format: "pdf", version: "as it stands now", networkMaps: 2 } })).toBe("Downloaded as PDF, with 2 network maps");
    expect(describeAuditDetails({ action: "exported", detail: { format: "pdf", version: "as it stands now", networkMaps: 1 } })).toBe("Downloaded as PDF, with 1 network map");
    expect(describeAuditDetails({ action: "exported", detail: { format: "pdf", in: "care-plan" } })).toBe("Downloaded as PDF, in the care plan");
    expect(describeAuditDetails({ action: "exported", detail: { format: "pdf", version: "as it stands now" } })).toBe("Downloaded as PDF");
  });

  it("names who was added, re-roled or removed", () => {
    expect(describeAuditDetails({ action: "member-removed", detail: { personId: "p", name: "Dr Ben Carter", role: "professional" } })).toBe("Removed Dr Ben Carter");
    expect(describeAuditDetails({ action: "young-person-linked", detail: { personId: "p", name: "Jamie Walker", agreement: "Said yes at home" } })).toBe(
      "Linked Jamie Walker's account as the young person's own. How they agreed: Said yes at home",
    );
    expect(describeAuditDetails({ action: "young-person-unlinked", detail: { personId: "p", name: "Jamie Walker" } })).toBe("Unlinked Jamie Walker's account");
    expect(describeAuditDetails({ action: "member-added", detail: { personId: "p", name: "Lucy Evans", role: "professional" } })).toBe("Added Lucy Evans as professional");
    expect(describeAuditDetails({ action: "role-changed", detail: { personId: "p", name: "Tom Hughes", from: "senior-keyworker", to: "keyworker" } })).toBe(
      "Changed Tom Hughes from senior keyworker to keyworker",
    );
  });

  it("says who was given, invited to or uninvited from a place on a CETR panel, and as what", () => {
    expect(describeAuditDetails({ action: "cetr-panel-changed", detail: { cetrId: "c", name: "Dr Ruth Adeyemi", place: "independent-chair" } })).toBe("Dr Ruth Adeyemi, independent chair");
    expect(describeAuditDetails({ action: "cetr-panel-invited", detail: { cetrId: "c", email: "sam@example.org", place: "expert-by-experience" } })).toBe("Invited sam@example.org as expert by experience");
    expect(describeAuditDetails({ action: "cetr-panel-joined", detail: { cetrId: "c", place: "clinical-expert", newAccount: true } })).toBe(
      "Took up a place on the panel as clinical expert, with a new account",
    );
    expect(describeAuditDetails({ action: "cetr-panel-invited", detail: { cetrId: "c", email: "sam@example.org", place: "<b>" } })).toBe("");
    expect(describeAuditDetails({ action: "cetr-panel-invitation-withdrawn", detail: { cetrId: "c", email: "sam@example.org", cetrEnded: false } })).toBe("Withdrew the invitation to sam@example.org");
    expect(describeAuditDetails({ action: "cetr-panel-invitation-withdrawn", detail: { cetrId: "c", email: "sam@example.org", cetrEnded: true } })).toBe(
      "Withdrew the invitation to sam@example.org, as the CETR ended",
    );
  });

  it("says how a child came onto the register, and who keyworks them and covers", () => {
    expect(describeAuditDetails({ action: "referral-accepted", detail: { referralId: "r", rating: "amber", keyworker: "Priya Shah" } })).toBe(
      "Accepted onto the register, rated amber, with Priya Shah as keyworker",
    );
    expect(describeAuditDetails({ action: "referral-accepted", detail: { referralId: "r", rating: "green", keyworker: null } })).toBe("Accepted onto the register, rated green");
    expect(
      describeAuditDetails({
        action: "allocation-changed",
        detail: { keyworker: "Priya Shah", secondKeyworker: null, cover: [{ name: "Tom Hughes", from: "2026-03-02", to: "2026-03-13" }, { name: "Odd", from: "soon" }] },
      }),
    ).toBe("Keyworker Priya Shah; no second keyworker; cover: Tom Hughes, Mon 2 Mar 2026 to Fri 13 Mar 2026");
  });

  it("says what the RAG rating changed from and to", () => {
    expect(describeAuditDetails({ action: "rag-rating-changed", detail: { changeId: "c", from: "amber", to: "red" } })).toBe("From amber to red");
    expect(describeAuditDetails({ action: "rag-rating-changed", detail: { changeId: "c", from: null, to: "green" } })).toBe("Rated green");
    expect(describeAuditDetails({ action: "rag-rating-changed", detail: { to: 3 } })).toBe("");
  });

  it("says which consent was recorded or withdrawn, naming the agency", () => {
    expect(describeAuditDetails({ action: "consent-recorded", detail: { consentId: "c", kind: "share-with-agency", agencyId: camhs, decision: "given" } }, agencyName)).toBe(
      "Consent to share information with Northbridge CAMHS was given",
    );
    expect(describeAuditDetails({ action: "consent-recorded", detail: { consentId: "c", kind: "register", agencyId: null, decision: "declined" } }, agencyName)).toBe(
      "Consent to be on the Dynamic Support Register was declined",
    );
    expect(describeAuditDetails({ action: "consent-withdrawn", detail: { consentId: "c", kind: "share-with-agency", agencyId: camhs } }, agencyName)).toBe(
      "Consent to share information with Northbridge CAMHS was withdrawn",
    );
  });

  it("describes invitations and joining", () => {
    expect(describeAuditDetails({ action: "invited", detail: { email: "sam@example.org", role: "parent" } })).toBe("Invited sam@example.org as parent or carer");
    expect(describeAuditDetails({ action: "joined", detail: { role: "professional", newAccount: true } })).toBe("Joined the team as professional, with a new account");
  });

  it("says which relationship offered on network maps the service lead added, renamed, moved or removed", () => {
    expect(describeAuditDetails({ action: "relationship-label-added", detail: { label: "supervises" } })).toBe("Added “supervises”");
    expect(describeAuditDetails({ action: "relationship-label-renamed", detail: { from: "supervises", to: "line manages" } })).toBe("From “supervises” to “line manages”");
    expect(describeAuditDetails({ action: "relationship-label-moved", detail: { label: "advocate for", position: 0 } })).toBe("Moved “advocate for” to place 1 in the service's own list");
    expect(describeAuditDetails({ action: "relationship-label-removed", detail: { label: "supervises" } })).toBe("Removed “supervises”");
    expect(describeAuditDetails({ action: "relationship-label-moved", detail: { label: "advocate for", position: "first" } })).toBe("");
  });

  it("says nothing more for an open or a print, and leaves out details it cannot read", () => {
    expect(describeAuditDetails({ action: "opened", detail: null })).toBe("");
    expect(describeAuditDetails({ action: "printed", detail: null })).toBe("");
    expect(describeAuditDetails({ action: "edited", detail: { changes: "lots" } })).toBe("");
    expect(describeAuditDetails({ action: "role-changed", detail: { name: "Tom Hughes", to: "wizard" } })).toBe("Changed Tom Hughes's role");
    expect(describeAuditDetails({ action: "consent-recorded", detail: { kind: "share-with-agency", agencyId: "unknown", decision: "given" } })).toBe(
      "Consent to share information with an agency was given",
    );
  });
});
