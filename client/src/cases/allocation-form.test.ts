import { describe, expect, it } from "vitest";
import { ApiRequestError } from "../api/api";
import { allocationBody, allocationErrorsFromServer, allocationFormOf, canAddCover, checkAllocationForm, newCoverRow } from "./allocation-form";

const priya = "11111111-1111-4111-8111-111111111111";
const tom = "22222222-2222-4222-8222-222222222222";

describe("the allocation form", () => {
  it("starts from the allocation as it is, and sends it back as the server takes it", () => {
    const form = allocationFormOf({
      caseId: "c",
      keyworker: { id: priya, name: "Priya Shah" },
      secondKeyworker: null,
      cover: [{ id: "x", person: { id: tom, name: "Tom Hughes" }, from: "2026-03-02", to: "2026-03-13" }],
      keyworkerConsent: "agreed",
      mayChange: true,
    });
    expect(allocationBody(form)).toEqual({ keyworkerId: priya, secondKeyworkerId: null, cover: [{ personId: tom, from: "2026-03-02", to: "2026-03-13" }] });
    expect(checkAllocationForm(form, "2026-03-02")).toBeNull();
  });

  it("says what is wrong with each row of cover, in the order of the page", () => {
    const form = { keyworkerId: "", secondKeyworkerId: "", cover: [{ ...newCoverRow(), personId: tom, from: "2026-03-05", to: "2026-03-01" }, newCoverRow()] };
    expect(checkAllocationForm(form, "2026-03-02")!.summary).toEqual([
      { field: "alloc-keyworkerId", message: "Choose a keyworker from the list" },
      { field: "alloc-cover-0-to", message: "The last day of cover must be the same as or after the first day" },
      { field: "alloc-cover-1-personId", message: "Choose who is covering" },
      { field: "alloc-cover-1-from", message: "Give the first day of cover" },
      { field: "alloc-cover-1-to", message: "Give the last day of cover" },
    ]);
  });

  it("refuses cover that ended before today", () => {
    const form = { keyworkerId: priya, secondKeyworkerId: "", cover: [{ ...newCoverRow(), personId: tom, from: "2026-02-01", to: "2026-02-10" }] };
    expect(checkAllocationForm(form, "2026-03-02")!.fields["cover.0.to"]).toMatch(/^This cover ended on /);
  });

  it("stops at ten rows of cover", () => {
    const form = { keyworkerId: priya, secondKeyworkerId: "", cover: Array.from({ length: 10 }, newCoverRow) };
    expect(canAddCover(form)).toBe(false);
    expect(canAddCover({ ...form, cover: form.cover.slice(1) })).toBe(true);
  });

  it("puts the server's refusal on the row it names", () => {
    const form = { keyworkerId: priya, secondKeyworkerId: "", cover: [newCoverRow()] };
    const errors = allocationErrorsFromServer(form, new ApiRequestError(400, "Not valid", { "cover.0.personId": "Choose someone in the keyworking service" }));
    expect(errors.summary).toEqual([{ field: "alloc-cover-0-personId", message: "Choose someone in the keyworking service" }]);
  });
});
