/**
 * "Dynamic Support Register": every child the service works with, one row each, for the senior
 * keyworkers and the service lead who hold the register (mayUseRegister; the app shows everyone
 * else NotForYouPage and asks the server nothing). Filter by rating or keyworker, choose the
 * order, page through, and download what is on screen as a CSV file.
 */
import { useRef } from "react";
import type { RegisterPage as RegisterData } from "@roundtable/domain";
import { getRegister, registerCsvAddress } from "../api/register-api";
import { useResource, type Resource } from "../api/use-resource";
import { RagLegend } from "../cases/RagLegend";
import { PageLoading } from "../layout/PageLoading";
import { Link } from "../navigation/Link";
import { useLocation } from "../navigation/history";
import { paths } from "../navigation/routes";
import { usePageHeading } from "../navigation/use-page-heading";
import { hasRegisterFilters, readRegisterFilters, registerQuery, registerSearch, type RegisterFilters as Filters } from "./register-filters";
import { keyworkersOverLimit, registerCountText, signalMeanings } from "./register-words";
import { RegisterFilters } from "./RegisterFilters";
import { RegisterTable } from "./RegisterTable";
import "./register.css";

const heading = "Dynamic Support Register";

/** The register as last loaded, so the filter choices stay while the next view loads. */
function useLastLoaded(register: Resource<RegisterData>): RegisterData | null {
  const last = useRef<RegisterData | null>(null);
  if (register.status === "loaded") last.current = register.data;
  return last.current;
}

export function RegisterPage() {
  const headingRef = usePageHeading(heading);
  const filters = readRegisterFilters(useLocation().search);
  const search = registerSearch(filters);
  const register = useResource(() => getRegister(registerQuery(filters)), `register?${search}`);
  const choices = useLastLoaded(register);

  return (
    <>
      <h1 ref={headingRef} tabIndex={-1}>
        {heading}
      </h1>
      <p className="nhsuk-lede-text">
        Every child on the service's register, with their rating, keyworker, meetings and CETRs. Lines under a child's name say what needs a
        look, and why.
      </p>
      <RegisterFilters filters={filters} choices={choices} loading={register} />
      {register.status === "loading" && <PageLoading label="Loading the register…" />}
      {register.status === "failed" && (
        <>
          <p>{register.error.message}</p>
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={register.retry}>
            Try loading the register again
          </button>
        </>
      )}
      {register.status === "loaded" && <RegisterList data={register.data} filters={filters} />}
      <RagLegend />
    </>
  );
}

function RegisterList({ data, filters }: { data: RegisterData; filters: Filters }) {
  const filtered = hasRegisterFilters(filters);
  const count = registerCountText(data, data.rows.length, filtered);
  const overLimit = keyworkersOverLimit(data.keyworkers, data.settings.caseloadLimit);
  return (
    <div data-testid="register">
      <p className="rt-register__count" role="status">
        {count}
      </p>
      {overLimit.length > 0 && !filtered && (
        <div className="nhsuk-inset-text rt-register__over-limit">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            Over their caseload (more than {data.settings.caseloadLimit} children):{" "}
            {overLimit.map((k) => `${k.name}, ${k.caseload}`).join("; ")}.
          </p>
        </div>
      )}
      {data.rows.length === 0 && <EmptyRegister filtered={filtered} page={filters.page} />}
      {data.rows.length > 0 && (
        <>
          <div className="rt-register__actions">
            <a className="nhsuk-button nhsuk-button--secondary" href={registerCsvAddress(registerQuery(filters))} download data-testid="register-csv">
              Download this list (CSV)
            </a>
            <p className="nhsuk-body-s">The children on screen, in this order, for a spreadsheet. Each download is on those children's audit trails.</p>
          </div>
          <RegisterTable rows={data.rows} caption={`${heading}: ${count}`} />
          <Pages data={data} filters={filters} />
          <details className="nhsuk-details">
            <summary className="nhsuk-details__summary">
              <span className="nhsuk-details__summary-text">What the lines under a name mean</span>
            </summary>
            <div className="nhsuk-details__text">
              <p>A line appears when:</p>
              <ul>
                {signalMeanings(data.settings).map((meaning) => (
                  <li key={meaning}>{meaning}</li>
                ))}
              </ul>
              <p>The service lead sets these numbers for the service.</p>
            </div>
          </details>
        </>
      )}
    </div>
  );
}

function EmptyRegister({ filtered, page }: { filtered: boolean; page: number }) {
  if (page > 1) return <p>There is nothing on this page. <Link href={paths.register()}>Go to the start of the register</Link>.</p>;
  if (filtered) return <p>Try another rating or keyworker, or clear the filters to see every child.</p>;
  return <p>Children join the register when a referral is accepted. When they do, they are listed here.</p>;
}

/** Previous and next pages of the same view. */
function Pages({ data, filters }: { data: RegisterData; filters: Filters }) {
  const pages = Math.ceil(data.total / data.pageSize);
  if (pages <= 1) return null;
  const to = (page: number) => paths.register(registerSearch({ ...filters, page }));
  return (
    <nav className="nhsuk-pagination" role="navigation" aria-label="Pages of the register">
      <ul className="nhsuk-list nhsuk-pagination__list">
        {filters.page > 1 && (
          <li className="nhsuk-pagination-item--previous">
            <Link className="nhsuk-pagination__link nhsuk-pagination__link--prev" href={to(filters.page - 1)} rel="prev">
              <span className="nhsuk-pagination__title">Previous</span>
              <span className="nhsuk-u-visually-hidden">:</span>
              <span className="nhsuk-pagination__page">
                Page {filters.page - 1} of {pages}
              </span>
            </Link>
          </li>
        )}
        {filters.page < pages && (
          <li className="nhsuk-pagination-item--next">
            <Link className="nhsuk-pagination__link nhsuk-pagination__link--next" href={to(filters.page + 1)} rel="next">
              <span className="nhsuk-pagination__title">Next</span>
              <span className="nhsuk-u-visually-hidden">:</span>
              <span className="nhsuk-pagination__page">
                Page {filters.page + 1} of {pages}
              </span>
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
