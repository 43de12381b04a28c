import { defaultRagLevels } from "@roundtable/domain";
import { describe, expect, it } from "vitest";
import { ApiRequestError } from "../api/api";
import { checkRagRatingForm, ragRatingBody, ragRatingErrorsFromServer } from "./rag-rating-form";

const levels = defaultRagLevels;

describe("the Change rating form", () => {
  it("asks for a rating and a reason, in that order", () => {
    const errors = checkRagRatingForm({ rating: "", reason: " " }, "amber", levels);
    expect(errors?.summary).toEqual([
      { field: "rag-rating", message: "Choose a rating" },
      { field: "rag-reason", message: "Say why the rating is changing" },
    ]);
  });

  it("says when the rating chosen is the one the child has now", () => {
    const errors = checkRagRatingForm({ rating: "amber", reason: "Calmer" }, "amber", levels);
    expect(errors?.fields).toEqual({ rating: "The rating is already amber. Choose a different rating, or cancel" });
  });

  it("keeps the reason within what the server takes", () => {
    expect(checkRagRatingForm({ rating: "red", reason: "x".repeat(2001) }, "amber", levels)?.fields.reason).toBe("Keep the reason under 2,000 characters");
    expect(checkRagRatingForm({ rating: "red", reason: "Crisis at the weekend" }, "amber", levels)).toBeNull();
  });

  it("sends the reason without the spaces around it", () => {
    expect(ragRatingBody({ rating: "red", reason: "  Crisis at the weekend \n" })).toEqual({ rating: "red", reason: "Crisis at the weekend" });
  });

  it("puts the server's refusals beside the fields they are about", () => {
    const unknown = new ApiRequestError(400, "The request body is not valid.", { rating: "Choose one of the service's levels: blue, red, amber or green" });
    expect(ragRatingErrorsFromServer(unknown).fields).toEqual({ rating: "Choose one of the service's levels: blue, red, amber or green" });
    const already = new ApiRequestError(409, "Jamie's rating is already red.");
    expect(ragRatingErrorsFromServer(already).fields).toEqual({ rating: "Jamie's rating is already red." });
    const forbidden = new ApiRequestError(403, "Only the child's keyworkers and the service lead can change the RAG rating. You can read its history.");
    expect(ragRatingErrorsFromServer(forbidden).summary).toEqual([{ message: forbidden.message }]);
  });
});
