/**
 * The network map as a structured list: an editor in its own right, not a fallback. The people
 * and services around the young person, grouped by agency, each with their status (which can be
 * changed where it is shown), their role and how to contact them, and who they are connected to;
 * then forms to add someone and to connect two people. Everything is a native control with a
 * label, so it works by keyboard alone and with a screen reader, and every change is the same
 * Yjs change the map view makes, so each view shows the other's edits live. The default on a
 * phone.
 */
import { addMapNode, connectMapNodes, deleteMapEdge, deleteMapNode, MapChangeError, setMapNodeFields, youngPersonNodeId } from "@roundtable/collab";
import { mapNodeStatuses, mapNodeStatusLabels, type MapNode, type MapNodeStatus } from "@roundtable/domain";
import { useId, useState, type FormEvent } from "react";
import type * as Y from "yjs";
import { ErrorSummary, type FormErrorSummary } from "../auth/ErrorSummary";
import { SecondThought } from "../layout/SecondThought";
import { groupByAgency, placeForNewNode, relationshipsOf } from "./map-list";
import { MapPicture } from "./MapPicture";
import { Relationships } from "./MapRelationships";
import { relabelRelationship } from "./relabel-relationship";
import { relationshipExamples } from "./relationship-choice";
import { useRelationshipLabels } from "./use-relationship-labels";
import type { NetworkMapHandle } from "./use-network-map";

interface MapListViewProps {
  doc: Y.Doc;
  handle: NetworkMapHandle;
  editable: boolean;
  /** The agencies of the child's service, to name a person's agency and to choose one. */
  agencies: readonly { id: string; name: string }[];
}

export function MapListView({ doc, handle, editable, agencies }: MapListViewProps) {
  const { map, origin } = handle;
  const [problem, setProblem] = useState<string | null>(null);
  const [removing, setRemoving] = useState<MapNode | null>(null);
  const centre = map.nodes.find((n) => n.kind === "young-person") ?? null;
  const around = map.nodes.filter((n) => n.kind !== "young-person");
  const groups = groupByAgency(around, agencies);
  const nameOf = new Map(map.nodes.map((n) => [n.id, n.label]));

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
              <li key={node.id} className="rt-map-list__person" data-testid="map-person">
                <p className="rt-map-list__name">
                  <strong>{node.label}</strong>
                  {node.role && <span className="rt-map-list__role">, {node.role}</span>}
                  {node.kind === "agency" && <span className="nhsuk-u-visually-hidden"> (a service)</span>}
                </p>
                {node.contact && <p className="rt-map-list__contact">Contact: {node.contact}</p>}
                {editable ? (
                  <StatusChoice node={node} onChange={(status) => attempt(() => setMapNodeFields(doc, node.id, { status }, origin))} />
                ) : (
                  <p>{mapNodeStatusLabels[node.status]}</p>
                )}
                <Relationships
                  of={relationshipsOf(node.id, map.edges, nameOf)}
                  editable={editable}
                  personName={node.label}
                  onRemove={(edgeId) => attempt(() => deleteMapEdge(doc, edgeId, origin))}
                  onRelabel={(edgeId, label) => relabelRelationship(doc, handle, edgeId, label)}
                />
                {editable && (
                  <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={() => setRemoving(node)}>
                    Remove {node.label} from the map
                  </button>
                )}
                {removing?.id === node.id && (
                  <SecondThought
                    testId="remove-map-person"
                    level={4}
                    question={`Remove ${node.label} from the map?`}
                    yes="Yes, remove them"
                    working="Removing…"
                    busy={false}
                    onYes={() => {
                      attempt(() => deleteMapNode(doc, node.id, origin));
                      setRemoving(null);
                    }}
                    onCancel={() => setRemoving(null)}
                  >
                    <p>Their relationships on the map go too. Undo brings them back.</p>
                  </SecondThought>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
      {editable && (
        <>
          <AddPersonForm
            agencies={agencies}
            onAdd={(fields) => attempt(() => addMapNode(doc, { ...fields, ...placeForNewNode(map.nodes) }, { origin }))}
          />
          <ConnectForm nodes={map.nodes} onConnect={(from, to, label) => attempt(() => connectMapNodes(doc, from, to, label, { origin }))} />
        </>
      )}
    </div>
  );
}

const statusOptions = mapNodeStatuses.map((s) => (
  <option key={s} value={s}>
    {mapNodeStatusLabels[s]}
  </option>
));

function StatusChoice({ node, onChange }: { node: MapNode; onChange(status: MapNodeStatus): void }) {
  const id = useId();
  return (
    <div className="nhsuk-form-group rt-map-list__status">
      <label className="nhsuk-label" htmlFor={id}>
        Status of {node.label}
      </label>
      <select className="nhsuk-select" id={id} value={node.status} onChange={(event) => onChange(event.target.value as MapNodeStatus)}>
        {statusOptions}
      </select>
    </div>
  );
}

interface AddPersonFields {
  label: string;
  kind: "person" | "agency";
  role: string | null;
  contact: string | null;
  agencyId: string | null;
  status: MapNodeStatus;
}

function AddPersonForm({ agencies, onAdd }: { agencies: readonly { id: string; name: string }[]; onAdd(fields: AddPersonFields): boolean }) {
  const [errors, setErrors] = useState<FormErrorSummary | null>(null);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? "").trim() || null;
    const label = text("label");
    if (!label) {
      setErrors({ summary: [{ field: "map-add-name", message: "Enter their name, or the service's" }] });
      return;
    }
    setErrors(null);
    const added = onAdd({
      label,
      kind: data.get("kind") === "agency" ? "agency" : "person",
      role: text("role"),
      contact: text("contact"),
      agencyId: text("agencyId"),
      status: (data.get("status") as MapNodeStatus) ?? "on-board",
    });
    if (added) {
      form.reset();
      document.getElementById("map-add-name")?.focus();
    }
  };
  return (
    <form className="rt-map-list__form" onSubmit={submit} noValidate aria-labelledby="map-add-heading">
      <h3 id="map-add-heading">Add someone to the map</h3>
      {errors && <ErrorSummary errors={errors} />}
      <div className={`nhsuk-form-group${errors ? " nhsuk-form-group--error" : ""}`}>
        <label className="nhsuk-label" htmlFor="map-add-name">
          Name
        </label>
        {errors && <span className="nhsuk-error-message">{errors.summary[0]?.message}</span>}
        <input className="nhsuk-input" id="map-add-name" name="label" autoComplete="off" maxLength={200} />
      </div>
      <fieldset className="nhsuk-fieldset nhsuk-form-group">
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">A person or a service?</legend>
        <div className="nhsuk-radios nhsuk-radios--inline">
          <div className="nhsuk-radios__item">
            <input className="nhsuk-radios__input" id="map-add-kind-person" name="kind" type="radio" value="person" defaultChecked />
            <label className="nhsuk-label nhsuk-radios__label" htmlFor="map-add-kind-person">
              A person
            </label>
          </div>
          <div className="nhsuk-radios__item">
            <input className="nhsuk-radios__input" id="map-add-kind-agency" name="kind" type="radio" value="agency" />
            <label className="nhsuk-label nhsuk-radios__label" htmlFor="map-add-kind-agency">
              A service
            </label>
          </div>
        </div>
      </fieldset>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="map-add-role">
          Role (optional)
        </label>
        <div className="nhsuk-hint" id="map-add-role-hint">
          For example, social worker or speech and language therapist
        </div>
        <input className="nhsuk-input" id="map-add-role" name="role" aria-describedby="map-add-role-hint" autoComplete="off" maxLength={200} />
      </div>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="map-add-agency">
          Agency (optional)
        </label>
        <select className="nhsuk-select" id="map-add-agency" name="agencyId" defaultValue="">
          <option value="">Not with an agency</option>
          {agencies.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </div>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="map-add-contact">
          How to contact them (optional)
        </label>
        <input className="nhsuk-input" id="map-add-contact" name="contact" autoComplete="off" maxLength={500} />
      </div>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="map-add-status">
          Status
        </label>
        <select className="nhsuk-select" id="map-add-status" name="status" defaultValue="on-board">
          {statusOptions}
        </select>
      </div>
      <button type="submit" className="nhsuk-button">
        Add to the map
      </button>
    </form>
  );
}

function ConnectForm({ nodes, onConnect }: { nodes: readonly MapNode[]; onConnect(from: string, to: string, label: string): boolean }) {
  const [problem, setProblem] = useState<string | null>(null);
  const listId = useId();
  const offered = useRelationshipLabels();
  const options = [...nodes].sort((a, b) => (a.id === youngPersonNodeId ? -1 : b.id === youngPersonNodeId ? 1 : a.label.localeCompare(b.label, "en-GB")));
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

function PersonChoice({ id, name, label, options }: { id: string; name: string; label: string; options: readonly MapNode[] }) {
  return (
    <div className="nhsuk-form-group">
      <label className="nhsuk-label" htmlFor={id}>
        {label}
      </label>
      <select className="nhsuk-select" id={id} name={name} defaultValue="">
        <option value="">Choose someone</option>
        {options.map((n) => (
          <option key={n.id} value={n.id}>
            {n.label}
          </option>
        ))}
      </select>
    </div>
  );
}
