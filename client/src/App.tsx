/**
 * The app shell: header, skip link, and the page for the current address. Pages that need
 * someone signed in send everyone else to sign in, and back afterwards.
 */
import { lazy, Suspense, useEffect } from "react";
import { SessionProvider } from "./auth/SessionProvider";
import { useSession } from "./auth/session-context";
import { SignInPage } from "./auth/SignInPage";
import { CasePage } from "./cases/CasePage";
import { MyCasesPage } from "./cases/MyCasesPage";
import { MyActionsPage } from "./actions/MyActionsPage";
import { Header } from "./layout/Header";
import { NewMeetingPage } from "./meetings/NewMeetingPage";
import { NotFoundPage } from "./layout/NotFoundPage";
import { OverduePage } from "./overdue/OverduePage";
import { PageLoading } from "./layout/PageLoading";
import { navigate, useLocation } from "./navigation/history";
import { matchRoute, paths, safeReturnPath, type Route } from "./navigation/routes";

// The editor is the heaviest part of the app; phones only download it when a plan or a
// meeting's minutes are opened.
const DocumentPage = lazy(() => import("./documents/DocumentPage"));
const MeetingPage = lazy(() => import("./meetings/MeetingPage"));

export function App() {
  return (
    <SessionProvider>
      <a className="nhsuk-skip-link" href="#maincontent">
        Skip to main content
      </a>
      <Header />
      <div className="nhsuk-width-container">
        <main className="nhsuk-main-wrapper rt-main" id="maincontent" tabIndex={-1}>
          <CurrentPage />
        </main>
      </div>
    </SessionProvider>
  );
}

function CurrentPage() {
  const session = useSession();
  const location = useLocation();
  const route = matchRoute(location.pathname);
  const status = session.state.status;
  const signedOutReason = session.state.status === "signed-out" ? session.state.reason : undefined;

  useEffect(() => {
    if (status === "signed-out" && route.name !== "sign-in") {
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
  if (session.state.status === "signed-out") return route.name === "sign-in" ? <SignInPage /> : null;
  return <SignedInPage route={route} />;
}

function SignedInPage({ route }: { route: Route }) {
  switch (route.name) {
    case "my-cases":
      return <MyCasesPage />;
    case "my-actions":
      return <MyActionsPage />;
    case "overdue":
      return <OverduePage />;
    case "case":
      return <CasePage key={route.caseId} caseId={route.caseId} />;
    case "document":
      return (
        <Suspense fallback={<PageLoading label="Opening the document…" />}>
          <DocumentPage key={route.documentId} documentId={route.documentId} />
        </Suspense>
      );
    case "new-meeting":
      return <NewMeetingPage />;
    case "meeting":
      return (
        <Suspense fallback={<PageLoading label="Opening the meeting…" />}>
          <MeetingPage key={route.meetingId} meetingId={route.meetingId} />
        </Suspense>
      );
    case "sign-in":
      return null; // on the way to where they were going
    case "not-found":
      return <NotFoundPage />;
  }
}
