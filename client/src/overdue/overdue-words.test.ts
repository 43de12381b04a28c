import { describe, expect, it } from "vitest";
import { overdueWords } from "./overdue-words";

describe("what the overdue page says to each reader", () => {
  it("tells a keyworker the list is their own caseload", () => {
    expect(overdueWords("own-caseload")).toMatchObject({ heading: "Overdue actions on your caseload", menuLink: "Overdue on my caseload" });
    expect(overdueWords("own-caseload").lede).not.toMatch(/across the service/);
  });

  it("tells senior keyworkers and service leads it is the whole service", () => {
    expect(overdueWords("service")).toMatchObject({ heading: "Overdue actions", menuLink: "Overdue" });
    expect(overdueWords("service").lede).toMatch(/across the service/);
  });

  it("tells an ICB lead it is the cases they are part of", () => {
    expect(overdueWords("own-cases").heading).toBe("Overdue actions on your cases");
  });
});
