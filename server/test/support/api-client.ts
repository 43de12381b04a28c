/** A signed-in HTTP client for tests: logs in through the real endpoint and keeps the cookie. */
import type { CaseDetail, CaseSummary } from "@roundtable/domain";

export interface SignedIn {
  cookie: string;
  personId: string;
  get<T>(path: string): Promise<{ status: number; body: T }>;
  post<T>(path: string, body: unknown): Promise<{ status: number; body: T }>;
  patch<T>(path: string, body: unknown): Promise<{ status: number; body: T }>;
  put<T>(path: string, body: unknown): Promise<{ status: number; body: T }>;
  delete<T>(path: string): Promise<{ status: number; body: T }>;
}

export const demoPassword = "roundtable-demo";
export const demoEmail = (local: string) => `${local}@roundtable.demo`;

export async function signIn(baseUrl: string, emailLocal: string): Promise<SignedIn> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: demoEmail(emailLocal), password: demoPassword }),
  });
  if (res.status !== 200) throw new Error(`Sign-in failed for ${emailLocal}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const me = (await res.json()) as { id: string };
  return clientWithCookie(baseUrl, cookie, me.id);
}

/** A client for a session made some other way (accepting an invitation, say). */
export function clientWithCookie(baseUrl: string, cookie: string, personId: string): SignedIn {
  const call = async <T>(method: string, path: string, body?: unknown) => {
    const r = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    return { status: r.status, body: (text ? JSON.parse(text) : null) as T };
  };
  return {
    cookie,
    personId,
    get: (path) => call("GET", path),
    post: (path, body) => call("POST", path, body),
    patch: (path, body) => call("PATCH", path, body),
    put: (path, body) => call("PUT", path, body),
    delete: (path) => call("DELETE", path),
  };
}

/** The demo cases with these names, in the order named, from the signed-in person's list of cases. */
export async function casesNamed<const Names extends readonly string[]>(client: SignedIn, ...names: Names): Promise<{ [K in keyof Names]: CaseSummary }> {
  const cases = (await client.get<CaseSummary[]>("/api/cases")).body;
  const found = names.map((name) => {
    const named = cases.find((c) => c.name === name);
    if (!named) throw new Error(`No case called ${name}`);
    return named;
  });
  return found as { [K in keyof Names]: CaseSummary };
}

/** The demo case with this name, from the signed-in person's list of cases. */
export async function caseNamed(client: SignedIn, name: string): Promise<CaseSummary> {
  const [found] = await casesNamed(client, name);
  return found;
}

/** The first care plan of the demo case with this name, as the signed-in person sees it. */
export async function carePlanOf(client: SignedIn, caseName: string): Promise<{ caseId: string; documentId: string }> {
  const found = await caseNamed(client, caseName);
  const detail = await client.get<CaseDetail>(`/api/cases/${found.id}`);
  const plan = detail.body.documents.find((d) => d.kind === "care-plan");
  if (!plan) throw new Error(`${caseName} has no care plan`);
  return { caseId: found.id, documentId: plan.id };
}
