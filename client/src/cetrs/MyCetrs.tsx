/**
 * "CETRs for you" on the home page: a panel member's CETRs (their place is on the CETR, not on the
 * child's team, so this is how they reach it), and an ICB lead's CETRs still to arrange, hold or
 * agree — requests first. Shown only when there are some.
 */
import { panelPlaceLabels } from "@roundtable/domain";
import { listMyCetrs } from "../api/cetr-api";
import { useResource } from "../api/use-resource";
import { Cell, ResponsiveTable } from "../layout/ResponsiveTable";
import { Link } from "../navigation/Link";
import { paths } from "../navigation/routes";
import { cetrWords as words, readableDate } from "./cetr-words";

export function MyCetrs() {
  const mine = useResource(listMyCetrs, "my-cetrs");
  if (mine.status !== "loaded" || mine.data.length === 0) return null;
  const toArrange = mine.data.filter((c) => c.status === "requested" && c.as === "icb-lead").length;
  return (
    <section aria-labelledby="my-cetrs-heading" data-testid="my-cetrs">
      <h2 id="my-cetrs-heading">CETRs for you</h2>
      {toArrange > 0 && (
        <p>
          <strong>{toArrange === 1 ? "1 CETR is" : `${toArrange} CETRs are`} waiting for you to arrange.</strong>
        </p>
      )}
      <ResponsiveTable caption="The CETRs you arrange, and those you sit on the panel of" headings={["Child", "Status", "Date", "Your part"]}>
        {mine.data.map((c) => (
          <tr key={c.id} className="nhsuk-table__row" role="row">
            <Cell heading="Child" rowHeader>
              <Link href={paths.cetr(c.id)}>{c.caseName}</Link>
            </Cell>
            <Cell heading="Status">{words.status(c.status)}</Cell>
            <Cell heading="Date">{c.heldOn ? readableDate(c.heldOn) : "Not arranged yet"}</Cell>
            <Cell heading="Your part">{c.as === "panel" && c.place ? panelPlaceLabels[c.place] : "ICB lead"}</Cell>
          </tr>
        ))}
      </ResponsiveTable>
    </section>
  );
}
