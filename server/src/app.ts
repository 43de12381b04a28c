/** The Hono app: the REST API under /api, and the built client for every other path. */
import { existsSync } from "node:fs";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";
import { errorHandler, HttpError } from "./errors.js";
import type { AppDeps, AppEnv } from "./http/app-env.js";
import { limitBodySize } from "./http/body-limit.js";
import { refuseCrossSite } from "./http/refuse-cross-site.js";
import { requireJsonBody } from "./http/require-json.js";
import { requirePerson } from "./http/require-person.js";
import { securityHeaders } from "./http/security-headers.js";
import { builtPageHashes, clientPage } from "./http/client-page.js";
import { SignInCheck } from "./auth/sign-in-check.js";
import { actionRoutes } from "./actions/action-routes.js";
import { agencyRoutes } from "./agencies/agency-routes.js";
import { caseRelationshipLabelRoutes, relationshipLabelRoutes } from "./network-map/relationship-label-routes.js";
import { carriedActionRoutes } from "./actions/carried-action-routes.js";
import { cetrActionRoutes } from "./cetr-actions/cetr-action-routes.js";
import { reportRoutes } from "./reports/report-routes.js";
import { authRoutes } from "./account/sign-in-routes.js";
import { passwordResetRoutes } from "./account/password-reset-routes.js";
import { caseTeamRoutes } from "./team/team-routes.js";
import { consentRoutes } from "./consent/consent-routes.js";
import { caseAuditRoutes } from "./audit/audit-routes.js";
import { caseRoutes } from "./cases/case-routes.js";
import { ragRoutes } from "./register/rag-routes.js";
import { allocationRoutes, referralRoutes } from "./register/referral-routes.js";
import { commentRoutes } from "./comments/comment-routes.js";
import { communicationNeedsRoutes } from "./communication-needs/communication-needs-routes.js";
import { documentRoutes } from "./documents/document-routes.js";
import { isPictureUpload, networkMapRoutes } from "./network-map/network-map-routes.js";
import { easyReadRoutes } from "./easy-read/easy-read-routes.js";
import { healthRoutes } from "./http/health-routes.js";
import { caseInvitationRoutes, invitationRoutes } from "./invitations/invitation-routes.js";
import { meetingRoutes } from "./meetings/meeting-routes.js";
import { meRoutes } from "./account/me-routes.js";
import { notificationRoutes } from "./notifications/notification-routes.js";
import { twoStepRoutes } from "./account/two-step-routes.js";
import { contactRoutes } from "./account/contact-routes.js";
import { caseCetrRoutes, cetrRoutes } from "./cetrs/cetr-routes.js";
import { registerRoutes } from "./register/register-routes.js";
import type { ActionProjector } from "./actions/action-projector.js";
import type { DocumentSessions } from "./audit/document-sessions.js";
import type { CarePlanMapPages } from "./documents/document-pdf.js";
import type { MapDrawings } from "./network-map/map-drawings.js";
import type { Notifier } from "./notifications/notifier.js";
import type { RoomRegistry } from "./collab/room-registry.js";

/** What the features ask of each other, wired in server.ts beside what every route can reach. */
export interface FeatureDeps {
  registry: RoomRegistry;
  projector: ActionProjector;
  notifier: Notifier;
  /** The audit trail's "opened" entries, one a visit, for reads over the API as for live opens. */
  documentSessions: DocumentSessions;
  /** The child's network maps as the last pages of their care plan's PDF. */
  carePlanMaps: CarePlanMapPages;
  /** Map pictures drawn on worker threads, within the server's bound and each person's allowance. */
  mapDrawings: MapDrawings;
}

export function createApp(deps: AppDeps & FeatureDeps) {
  const app = new Hono<AppEnv>();
  app.onError(errorHandler(deps.log, deps.config.durability.updateLog.failureLogIntervalMs));
  const dist = deps.config.clientDist;
  // The built page's static shell is styled inline, and a script in it opens a document's collab
  // connection early: their exact texts are allowed by hash.
  app.use("*", securityHeaders({ ...deps.config, ...builtPageHashes(dist) }));

  // API answers hold personal data: no browser or shared cache should keep a copy.
  app.use("/api/*", async (c, next) => {
    await next();
    if (!c.res.headers.has("Cache-Control")) c.header("Cache-Control", "no-store");
  });
  const jsonBodies = requireJsonBody();
  const boundedBodies = limitBodySize(deps.config.apiMaxBodyBytes);
  app.use("/api/*", refuseCrossSite(deps.config), (c, next) =>
    // A map's picture is sent as the file itself, checked and bounded by its own route.
    isPictureUpload(c.req.method, c.req.path) ? next() : jsonBodies(c, async () => void (await boundedBodies(c, next))),
  );

  // Every API address needs a session except health checks, signing in or out, and opening or
  // accepting an invitation (its link is the credential): a new route is protected by default,
  // not by remembering to list it here.
  const signedIn = requirePerson(deps.db);
  app.use("/api/*", (c, next) => (isPublicApi(c.req.path) ? next() : signedIn(c, next)));

  app.route("/", apiRoutes(deps));
  app.all("/api/*", () => {
    throw new HttpError(404, "There is no such API address.");
  });

  if (existsSync(dist)) {
    // Built assets have their content's hash in their names: cached for good. The build writes a
    // brotli and a gzip copy of each (client/build/precompress.ts), sent to browsers that accept
    // them; the answer varies by Accept-Encoding whichever copy is sent (docs/adr/0020).
    app.use("/assets/*", async (c, next) => {
      await next();
      if (!c.res.ok) return;
      c.header("Cache-Control", "public, max-age=31536000, immutable");
      if (!c.res.headers.get("Vary")?.includes("Accept-Encoding")) c.header("Vary", "Accept-Encoding", { append: true });
    });
    // A source map is the client's full source: not for everyone unless SERVE_SOURCE_MAPS says so.
    if (!deps.config.serveSourceMaps) app.get("*", (c, next) => (c.req.path.toLowerCase().endsWith(".map") ? c.text("Not found", 404) : next()));
    app.use("/assets/*", serveStatic({ root: dist, precompressed: true }));
    // The page names this release's assets, so browsers must ask again each time rather than
    // keep an old copy, whichever address (a screen of the single-page app) it was served at.
    app.get("/*", async (c, next) => {
      await next();
      if (c.res.ok && c.res.headers.get("Content-Type")?.startsWith("text/html")) c.header("Cache-Control", "no-cache");
    });
    app.use("/*", serveStatic({ root: dist }));
    // Any other path is a screen of the single-page app: the page, tailored to it (docs/adr/0030).
    app.get("/*", async (c) => c.html(await clientPage(dist, c.req.path)));
  } else {
    app.get("/", (c) =>
      c.text("Roundtable's API is running, but the client has not been built. Run `pnpm start` from the repository root.", 503),
    );
  }
  return app;
}

/**
 * The REST API under /api, as one chained expression: its type (AppType) then holds every route
 * with what it takes and what it answers, for the client's typed calls.
 */
function apiRoutes(deps: AppDeps & FeatureDeps) {
  // One check of who someone is, with one set of counters, for signing in and for accepting an
  // invitation as an existing account: neither is a way round the other's limits or second step.
  const signIn = new SignInCheck(deps.db, deps.config.signIn, deps.log, deps.limiter);
  return new Hono<AppEnv>()
    .basePath("/api")
    .route("/health", healthRoutes(deps))
    .route("/auth", authRoutes(deps, signIn))
    .route("/auth/password-reset", passwordResetRoutes(deps, signIn))
    .route("/me", meRoutes())
    .route("/me/two-step", twoStepRoutes(deps))
    .route("/me/contact", contactRoutes(deps))
    .route("/cases", caseRoutes(deps))
    .route("/cases", caseTeamRoutes(deps))
    .route("/cases", consentRoutes(deps))
    .route("/cases", caseAuditRoutes(deps))
    .route("/cases", caseInvitationRoutes(deps))
    .route("/cases", caseCetrRoutes(deps))
    .route("/cetrs", cetrRoutes(deps))
    .route("/cases", ragRoutes(deps))
    .route("/cases", allocationRoutes(deps))
    .route("/cases", caseRelationshipLabelRoutes(deps))
    .route("/referrals", referralRoutes(deps))
    .route("/invitations", invitationRoutes(deps, signIn))
    .route("/documents", documentRoutes(deps))
    .route("/documents", networkMapRoutes(deps))
    .route("/comments", commentRoutes(deps))
    .route("/actions", actionRoutes(deps))
    .route("/agencies", agencyRoutes(deps))
    .route("/relationship-labels", relationshipLabelRoutes(deps))
    .route("/cetr-actions", cetrActionRoutes(deps))
    .route("/reports", reportRoutes(deps))
    .route("/meetings", meetingRoutes(deps))
    .route("/meetings", carriedActionRoutes(deps))
    .route("/notifications", notificationRoutes(deps))
    .route("/easy-read", easyReadRoutes(deps))
    .route("/communication-needs", communicationNeedsRoutes(deps))
    .route("/", registerRoutes(deps));
}

/**
 * The API's routes as a type, for Hono's typed client (`hc<AppType>`) in the browser: the one
 * thing the client takes from the server, and only as a type, so a route, body or answer changed
 * here fails the client's typecheck.
 */
export type AppType = ReturnType<typeof apiRoutes>;

function isPublicApi(path: string): boolean {
  return path === "/api/health" || path.startsWith("/api/health/") || path.startsWith("/api/auth/") || path.startsWith("/api/invitations/");
}
