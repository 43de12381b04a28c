/**
 * The people and children of the demo's tracker meetings, signed in: Priya Shah (Jamie's
 * keyworker, who books and chairs them) and Helen Morris (ICB, on Jamie's team; Aisha's family
 * does not share with the ICB), the two children, and Jamie's team to find people's ids by name.
 */
import type { CaseDetail, CaseSummary } from "@roundtable/domain";
import { signIn, type SignedIn } from "./api-client.js";

export interface TrackerCast {
  priya: SignedIn;
  helen: SignedIn;
  jamie: CaseSummary;
  aisha: CaseSummary;
  team: CaseDetail["team"];
}

export async function trackerCast(url: string): Promise<TrackerCast> {
  const [priya, helen] = await Promise.all([signIn(url, "priya.shah"), signIn(url, "helen.morris")]);
  const cases = (await priya.get<CaseSummary[]>("/api/cases")).body;
  const jamie = cases.find((c) => c.name === "Jamie Walker")!;
  const aisha = cases.find((c) => c.name === "Aisha Reid")!;
  const team = (await priya.get<CaseDetail>(`/api/cases/${jamie.id}`)).body.team;
  return { priya, helen, jamie, aisha, team };
}
