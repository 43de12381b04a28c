/**
 * The network map as a structured list: an editor in its own right, not a fallback. The people
 * and services around the young person, grouped by agency, each as the map shows them (a linked
 * team member's details as they are now) with their status and relationships (MapListPerson,
 * where each can be changed); then forms to add someone (PersonForm) and to connect two people. Everything is a native control with a
 * label, so it works by keyboard alone and with a screen reader, and every change is the same
 * Yjs change the map view makes, so each view shows the other's edits live. The default on a
 * phone.
 */
import { addMapNode, connectMapNodes, MapChangeError, youngPersonNodeId } from "@roundtable/collab";
import type { MapNode } from "@roundtable/domain";
import { useId, useState, type FormEvent } from "react";
import type * as Y from "yjs";
import { groupByAgency, placeForNewNode, relationshipsOf } from "./map-list";
import { personShown } from "./map-links";
import { MapListPerson } from "./MapListPerson";
import { MapPicture } from "./MapPicture";
import { AddPersonForm } from "./PersonForm";
import { relationshipExamples } from "./relationship-choice";
import { useMapLinks } from "./use-map-links";
import { useRelationshipLabels } from "./use-relationship-labels";
import type { NetworkMapHandle } from "./use-network-map";

interface MapListViewProps {
  doc: Y.Doc;
  handle: NetworkMapHandle;
  editable: boolean;
}

export function MapListView({ doc, handle, editable }: MapListViewProps) {
  const { map, origin } = handle;
  const links = useMapLinks();
  const [problem, setProblem] = useState<string | null>(null);
  const centre = map.nodes.find((n) => n.kind === "young-person") ?? null;
  const around = map.nodes.filter((n) => n.kind !== "young-person");
  const groups = groupByAgency(around, links.agencies);
  // Everyone as they are shown: a linked team member's details as they are now.
  const shownOf = new Map(map.nodes.map((n) => [n.id, personShown(n, links)]));
  const nameOf = new Map([...shownOf].map(([id, shown]) => [id, shown.name]));

  // A change the map cannot take is said, not thrown: the list stays as it was.
  const attempt = (change: () => void) => {
    try {
      change();
      handle.endStep();
      setProblem(null);
      return true;
    } catch (err) {
      if (!(err instanceof MapChangeError)) throw err;
      setProblem(err.message);
      return false;
    }
  };

  return (
    <div className="rt-map-list" data-testid="network-map-list">
      {problem && <p className="nhsuk-error-message" role="alert">{problem}</p>}
      <p className="rt-map-list__centre">
        At the centre: <strong>{centre?.label ?? "the young person"}</strong>
      </p>
      <MapPicture name={centre?.label ?? "the young person"} />
      {around.length === 0 && <p>No one has been added to this map yet.</p>}
      {groups.map((group) => (
        <section key={group.key} className="rt-map-list__group" aria-labelledby={`map-group-${group.key}`}>
          <h3 id={`map-group-${group.key}`}>{group.name}</h3>
          <ul className="nhsuk-list rt-map-list__people">
            {group.nodes.map((node) => (
              <MapListPerson
                key={node.id}
                doc={doc}
                handle={handle}
                editable={editable}
                node={node}
                shown={shownOf.get(node.id)!}
                groupName={group.name}
                relationships={relationshipsOf(node.id, map.edges, nameOf)}
                attempt={attempt}
              />
            ))}
          </ul>
        </section>
      ))}
      {editable && (
        <>
          <AddPersonForm onAdd={(person) => attempt(() => addMapNode(doc, { ...person, ...placeForNewNode(map.nodes) }, { origin }))} />
          <ConnectForm nodes={map.nodes} nameOf={nameOf} onConnect={(from, to, label) => attempt(() => connectMapNodes(doc, from, to, label, { origin }))} />
        </>
      )}
    </div>
  );
}

function ConnectForm({ nodes, nameOf, onConnect }: { nodes: readonly MapNode[]; nameOf: ReadonlyMap<string, string>; onConnect(from: string, to: string, label: string): boolean }) {
  const [problem, setProblem] = useState<string | null>(null);
  const listId = useId();
  const offered = useRelationshipLabels();
  const options = nodes
    .map((n) => ({ id: n.id, name: nameOf.get(n.id) ?? n.label }))
    .sort((a, b) => (a.id === youngPersonNodeId ? -1 : b.id === youngPersonNodeId ? 1 : a.name.localeCompare(b.name, "en-GB")));
  if (nodes.length < 2) return null;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const from = String(data.get("from") ?? "");
    const to = String(data.get("to") ?? "");
    const label = String(data.get("label") ?? "").trim();
    if (!from || !to || from === to) {
      setProblem("Choose two different people or services to connect");
      return;
    }
    if (!label) {
      setProblem("Say how they are related, for example works with");
      return;
    }
    setProblem(null);
    if (onConnect(from, to, label)) event.currentTarget.reset();
  };
  return (
    <form className="rt-map-list__form" onSubmit={submit} noValidate aria-labelledby="map-connect-heading">
      <h3 id="map-connect-heading">Connect two people</h3>
      {problem && (
        <p className="nhsuk-error-message" role="alert">
          {problem}
        </p>
      )}
      <PersonChoice id="map-connect-from" name="from" label="From" options={options} />
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="map-connect-label">
          Relationship
        </label>
        <div className="nhsuk-hint" id="map-connect-label-hint">
          {relationshipExamples(offered)}
        </div>
        <input className="nhsuk-input" id="map-connect-label" name="label" list={listId} aria-describedby="map-connect-label-hint" autoComplete="off" maxLength={200} />
        <datalist id={listId}>
          {offered.map((l) => (
            <option key={l} value={l} />
          ))}
        </datalist>
      </div>
      <PersonChoice id="map-connect-to" name="to" label="To" options={options} />
      <button type="submit" className="nhsuk-button nhsuk-button--secondary">
        Connect them
      </button>
    </form>
  );
}

function PersonChoice({ id, name, label, options }: { id: string; name: string; label: string; options: readonly { id: string; name: string }[] }) {
  return (
    <div className="nhsuk-form-group">
      <label className="nhsuk-label" htmlFor={id}>
        {label}
      </label>
      <select className="nhsuk-select" id={id} name={name} defaultValue="">
        <option value="">Choose someone</option>
        {options.map((n) => (
          <option key={n.id} value={n.id}>
            {n.name}
          </option>
        ))}
      </select>
    </div>
  );
}
