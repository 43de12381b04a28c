/**
 * The app shell: header, skip link, and the page for the current address. Pages that need
 * someone signed in send everyone else to sign in, and back afterwards.
 */
import { TwoStepPage } from "./account/TwoStepPage";
import { lazy, Suspense, useEffect } from "react";
import { SessionProvider } from "./auth/SessionProvider";
import {
  mayBookMeetings,
  mayNameEscalationContacts,
  mayReadServiceReport,
  mayUseCetrActions,
  mayUseOverdue,
  mayUseReferPage,
  mayUseRegister,
  mayUseTriageQueue,
  mayUseTwoStep,
  sharesContactDetails,
} from "@roundtable/domain";
import { AgenciesPage } from "./agencies/AgenciesPage";
import { ContactDetailsPage } from "./account/ContactDetailsPage";
import { AccountPage } from "./account/AccountPage";
import { MemberCommunicationNeedsPage, OwnCommunicationNeedsPage } from "./communication-needs/CommunicationNeedsPages";
import { useMe, useSession } from "./auth/session-context";
import { SignInPage } from "./auth/SignInPage";
import { PasswordResetPage } from "./auth/PasswordResetPage";
import { PasswordResetRequestPage } from "./auth/PasswordResetRequestPage";
import { CasePage } from "./cases/CasePage";
import { AccessReportPage } from "./audit/AccessReportPage";
import { AuditTrailPage } from "./audit/AuditTrailPage";
import { ConsentPage } from "./consent/ConsentPage";
import { TeamPage } from "./team/TeamPage";
import { MyCasesPage } from "./cases/MyCasesPage";
import { MyActionsPage } from "./actions/MyActionsPage";
import { InvitationPage } from "./invitations/InvitationPage";
import { Header } from "./layout/Header";
import { NewMeetingPage } from "./meetings/NewMeetingPage";
import { prefetchEditorWhenIdle } from "./documents/prefetch-editor";
import { NotFoundPage } from "./layout/NotFoundPage";
import { NotForYouPage } from "./layout/NotForYouPage";
import { NewNotifications } from "./notifications/NewNotifications";
import { EmailChoicesPage } from "./notifications/EmailChoicesPage";
import { NotificationsPage } from "./notifications/NotificationsPage";
import { OverduePage } from "./overdue/OverduePage";
import { RegisterPage } from "./register/RegisterPage";
import { MyReferralsPage } from "./register/MyReferralsPage";
import { ReferPage } from "./register/ReferPage";
import { TriagePage } from "./register/TriagePage";
import { PageLoading } from "./layout/PageLoading";
import { PageCodeBoundary } from "./layout/PageCodeBoundary";
import { navigate, useLocation } from "./navigation/history";
import { matchRoute, paths, safeReturnPath, signedOutPages, type Route } from "./navigation/routes";

// The editor is the heaviest part of the app; phones only download it when a plan or a
// meeting's minutes are opened.
const loadDocumentPage = () => import("./documents/DocumentPage");
const loadMeetingPage = () => import("./meetings/MeetingPage");
const loadCetrPage = () => import("./cetrs/CetrPage");
const DocumentPage = lazy(loadDocumentPage);
const MeetingPage = lazy(loadMeetingPage);
const CetrPage = lazy(loadCetrPage);
// The CETR follow-up dashboard (and, after it, its chart library) loads only for those who open it.
const CetrActionsPage = lazy(() => import("./cetr-actions/CetrActionsPage"));
// So does the service lead's report, with its charts.
const ServiceReportPage = lazy(() => import("./reports/ServiceReportPage"));

// Opened straight at a document or a meeting (a link, a reload): its code downloads while the
// session is checked, rather than after; on a slow line that is a round trip and more saved.
const openedAt = matchRoute(window.location.pathname).name;
if (openedAt === "document") void loadDocumentPage();
if (openedAt === "meeting") void loadMeetingPage();
if (openedAt === "cetr") void loadCetrPage();

/** Signed in anywhere else, the editor's code is fetched into the cache while the page is idle. */
function FetchEditorWhenIdle() {
  useEffect(() => (openedAt === "document" || openedAt === "meeting" || openedAt === "cetr" ? undefined : prefetchEditorWhenIdle()), []);
  return null;
}

export function App() {
  return (
    <SessionProvider>
      <a className="nhsuk-skip-link" href="#maincontent">
        Skip to main content
      </a>
      <Header />
      <div className="nhsuk-width-container">
        <SignedInNews />
        <main className="nhsuk-main-wrapper rt-main" id="maincontent" tabIndex={-1}>
          <CurrentPage />
        </main>
      </div>
    </SessionProvider>
  );
}

/** News pushed while someone is signed in; each person starts with none (the socket is theirs). */
function SignedInNews() {
  const session = useSession();
  if (session.state.status !== "signed-in") return null;
  return (
    <>
      <NewNotifications key={session.state.me.id} />
      <FetchEditorWhenIdle />
    </>
  );
}

function CurrentPage() {
  const session = useSession();
  const location = useLocation();
  const route = matchRoute(location.pathname);
  const status = session.state.status;
  const signedOutReason = session.state.status === "signed-out" ? session.state.reason : undefined;

  useEffect(() => {
    if (status === "signed-out" && !signedOutPages.includes(route.name)) {
      navigate(paths.signIn(location.address, signedOutReason), { replace: true });
    } else if (status === "signed-in" && route.name === "sign-in") {
      navigate(safeReturnPath(location.search.get("returnTo")), { replace: true });
    }
  }, [status, signedOutReason, route.name, location.address, location.search]);

  if (session.state.status === "checking") return <PageLoading label="Checking you are signed in…" />;
  if (session.state.status === "unavailable") {
    return (
      <>
        <h1>Sorry, Roundtable is not available right now</h1>
        <p>{session.state.message}</p>
        <button type="button" className="nhsuk-button" onClick={session.retry}>
          Try again
        </button>
      </>
    );
  }
  // An invitation's link works signed in or out: it is how someone new gets an account.
  if (route.name === "invitation") return <InvitationPage key={route.token} token={route.token} />;
  // So does "forgot your password?": someone signed in on a shared computer may be helping a colleague.
  if (route.name === "password-reset") return <PasswordResetRequestPage />;
  if (route.name === "password-reset-link") return <PasswordResetPage key={route.token} token={route.token} />;
  if (session.state.status === "signed-out") return route.name === "sign-in" ? <SignInPage /> : null;
  return <SignedInPage route={route} />;
}

function SignedInPage({ route }: { route: Route }) {
  const me = useMe();
  switch (route.name) {
    case "my-cases":
      return <MyCasesPage />;
    case "my-actions":
      return <MyActionsPage />;
    case "two-step":
      return mayUseTwoStep(me.role) ? <TwoStepPage /> : <NotForYouPage page="two-step" />;
    case "contact-details":
      return sharesContactDetails(me.role) ? <ContactDetailsPage /> : <NotForYouPage page="contact-details" />;
    case "communication-needs":
      return <OwnCommunicationNeedsPage />;
    case "member-communication-needs":
      return <MemberCommunicationNeedsPage key={`${route.caseId}:${route.personId}`} caseId={route.caseId} personId={route.personId} />;
    case "notifications":
      return <NotificationsPage />;
    case "email-choices":
      return <EmailChoicesPage />;
    case "account":
      return <AccountPage />;
    case "overdue":
      return mayUseOverdue(me.role) ? <OverduePage /> : <NotForYouPage page="overdue" />;
    case "agencies":
      return mayNameEscalationContacts(me.role) ? <AgenciesPage /> : <NotForYouPage page="agencies" />;
    case "cetr-actions":
      return mayUseCetrActions(me.role) ? (
        <PageCodeBoundary>
          <Suspense fallback={<PageLoading label="Opening CETR actions…" />}>
            <CetrActionsPage />
          </Suspense>
        </PageCodeBoundary>
      ) : (
        <NotForYouPage page="cetr-actions" />
      );
    case "register":
      return mayUseRegister(me.role) ? <RegisterPage /> : <NotForYouPage page="register" />;
    case "refer":
      return mayUseReferPage(me.role) ? <ReferPage /> : <NotForYouPage page="refer" />;
    case "my-referrals":
      return mayUseReferPage(me.role) ? <MyReferralsPage /> : <NotForYouPage page="refer" />;
    case "referrals":
      return mayUseTriageQueue(me.role) ? <TriagePage /> : <NotForYouPage page="referrals" />;
    case "service-report":
      return mayReadServiceReport(me.role) ? (
        <PageCodeBoundary>
          <Suspense fallback={<PageLoading label="Opening the service report…" />}>
            <ServiceReportPage />
          </Suspense>
        </PageCodeBoundary>
      ) : (
        <NotForYouPage page="service-report" />
      );
    case "case":
      return <CasePage key={route.caseId} caseId={route.caseId} />;
    case "case-team":
      return <TeamPage key={route.caseId} caseId={route.caseId} />;
    case "case-consent":
      return <ConsentPage key={route.caseId} caseId={route.caseId} />;
    case "case-audit":
      return <AuditTrailPage key={route.caseId} caseId={route.caseId} />;
    case "case-access-report":
      return <AccessReportPage key={route.caseId} caseId={route.caseId} />;
    case "document":
      return (
        <PageCodeBoundary>
          <Suspense fallback={<PageLoading label="Opening the document…" />}>
            <DocumentPage key={route.documentId} documentId={route.documentId} />
          </Suspense>
        </PageCodeBoundary>
      );
    case "new-meeting":
      return mayBookMeetings(me.role) ? <NewMeetingPage /> : <NotForYouPage page="book-meeting" />;
    case "meeting":
      return (
        <PageCodeBoundary>
          <Suspense fallback={<PageLoading label="Opening the meeting…" />}>
            <MeetingPage key={route.meetingId} meetingId={route.meetingId} />
          </Suspense>
        </PageCodeBoundary>
      );
    case "cetr":
      return (
        <PageCodeBoundary>
          <Suspense fallback={<PageLoading label="Opening the CETR…" />}>
            <CetrPage key={route.cetrId} cetrId={route.cetrId} />
          </Suspense>
        </PageCodeBoundary>
      );
    case "sign-in":
      return null; // on the way to where they were going
    case "invitation":
    case "password-reset":
    case "password-reset-link":
      return null; // shown signed in or out, above
    case "not-found":
      return <NotFoundPage />;
  }
}
