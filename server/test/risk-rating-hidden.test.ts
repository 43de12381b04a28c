/**
 * The RAG rating is a professional's tool: the family and the young person are never sent it —
 * not in their case list, not on the case, not on a meeting's list of children, not its history
 * or the service's levels — while everyone else still is (seesRiskRating).
 */
import { seesRiskRating, type CaseDetail, type CaseSummary, type Meeting, type RagChange, type RagLevel, type Role } from "@roundtable/domain";
import { describe, expect, it } from "vitest";
import { signIn } from "./support/api-client.js";
import { useTestServer } from "./support/test-server.js";

const server = useTestServer();


const readers: { login: string; role: Role }[] = [
  { login: "claire.walker", role: "parent" },
  { login: "jamie.walker", role: "young-person" },
  { login: "priya.shah", role: "keyworker" },
  { login: "mark.davies", role: "professional" },
];

describe("the RAG rating", () => {
  it.each(readers)("is sent to $login only if their role sees it", async ({ login, role }) => {
    const reader = await signIn(server.url, login);
    const cases = (await reader.get<CaseSummary[]>("/api/cases")).body;
    const jamie = cases.find((c) => c.name === "Jamie Walker")!;
    const detail = (await reader.get<CaseDetail>(`/api/cases/${jamie.id}`)).body;
    const meetings = (await reader.get<Meeting[]>(`/api/cases/${jamie.id}/meetings`)).body;
    expect(meetings.length).toBeGreaterThan(0);
    const history = await reader.get<RagChange[]>(`/api/cases/${jamie.id}/rag-history`);
    const levels = await reader.get<RagLevel[]>(`/api/cases/${jamie.id}/rag-levels`);
    const ratings = [...cases.map((c) => c.ragRating), detail.ragRating, ...meetings.flatMap((m) => m.cases.map((c) => c.ragRating))];
    if (seesRiskRating(role)) {
      expect(ratings.every((r) => r !== null)).toBe(true);
      expect([history.status, levels.status]).toEqual([200, 200]);
      expect(history.body.at(-1)!.to).toBe(detail.ragRating);
    } else {
      expect(ratings.every((r) => r === null)).toBe(true);
      // As if there were no rating to ask about: the answer a case they may not know of gets.
      expect([history.status, levels.status]).toEqual([404, 404]);
    }
    // Not anywhere in the answers either, under another name.
    if (!seesRiskRating(role)) {
      expect(JSON.stringify({ cases, detail, meetings, history: history.body, levels: levels.body })).not.toMatch(/"(red|amber|green|blue)"/);
      expect(JSON.stringify({ history: history.body, levels: levels.body })).not.toMatch(/\b(red|amber|green|blue|rating)\b/i);
    }
  });
});
