/**
 * One person or service in the network map's list: their name, role, agency (when not the
 * group's) and how to contact them as the map shows them — a linked team member's details as
 * they are now, and that they are on the child's team, in words — their status, and their
 * relationships. For someone who may edit: the status to change where it is shown, their details
 * to change in a form under them (ChangePersonForm; the focus comes back to "Change details"
 * after), and a way to remove them, asked twice.
 */
import { deleteMapEdge, deleteMapNode, setMapNodeFields } from "@roundtable/collab";
import { mapNodeStatusLabels, type MapNode, type MapNodeStatus } from "@roundtable/domain";
import { useId, useRef, useState } from "react";
import type * as Y from "yjs";
import { SecondThought } from "../layout/SecondThought";
import { changeOrSay } from "./form-change";
import type { PersonShown } from "./map-links";
import { Relationships, type ListedRelationship } from "./MapRelationships";
import { ChangePersonForm, statusOptions } from "./PersonForm";
import { relabelRelationship } from "./relabel-relationship";
import type { NetworkMapHandle } from "./use-network-map";

interface MapListPersonProps {
  doc: Y.Doc;
  handle: NetworkMapHandle;
  editable: boolean;
  node: MapNode;
  shown: PersonShown;
  /** The agency their group is headed with: not said again for each person in it. */
  groupName: string;
  relationships: readonly ListedRelationship[];
  /** Makes a change the list's way: one step for Undo, and what the map cannot take said above the list. */
  attempt(change: () => void): boolean;
}

export function MapListPerson({ doc, handle, editable, node, shown, groupName, relationships, attempt }: MapListPersonProps) {
  const { origin } = handle;
  const [removing, setRemoving] = useState(false);
  const [changing, setChanging] = useState(false);
  const changeButton = useRef<HTMLButtonElement>(null);
  const doneChanging = () => {
    setChanging(false);
    changeButton.current?.focus();
  };
  return (
    <li className="rt-map-list__person" data-testid="map-person">
      <p className="rt-map-list__name">
        <strong>{shown.name}</strong>
        {shown.role && <span className="rt-map-list__role">, {shown.role}</span>}
        {shown.agency && shown.agency !== groupName && <span className="rt-map-list__agency">, {shown.agency}</span>}
        {node.kind === "agency" && <span className="nhsuk-u-visually-hidden"> (a service)</span>}
        {shown.onTeam && (
          <>
            {" "}
            <span className="nhsuk-tag nhsuk-tag--blue rt-map-list__team">{shown.onTeam}</span>
          </>
        )}
      </p>
      {shown.contact && <p className="rt-map-list__contact">Contact: {shown.contact}</p>}
      {editable ? (
        <StatusChoice name={shown.name} status={node.status} onChange={(status) => attempt(() => setMapNodeFields(doc, node.id, { status }, origin))} />
      ) : (
        <p>{mapNodeStatusLabels[node.status]}</p>
      )}
      <Relationships
        of={relationships}
        editable={editable}
        personName={shown.name}
        onRemove={(edgeId) => attempt(() => deleteMapEdge(doc, edgeId, origin))}
        onRelabel={(edgeId, label) => relabelRelationship(doc, handle, edgeId, label)}
      />
      {editable && (
        <div className="rt-map-list__person-actions">
          <button
            ref={changeButton}
            type="button"
            className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
            aria-expanded={changing}
            onClick={() => (changing ? doneChanging() : setChanging(true))}
          >
            Change details<span className="nhsuk-u-visually-hidden"> of {shown.name}</span>
          </button>
          <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={() => setRemoving(true)}>
            Remove {shown.name} from the map
          </button>
        </div>
      )}
      {changing && (
        <ChangePersonForm
          node={node}
          name={shown.name}
          onSave={(changed) =>
            changeOrSay(handle, () => setMapNodeFields(doc, node.id, changed, origin), "They are no longer on the map: someone else removed them.")
          }
          onDone={doneChanging}
        />
      )}
      {removing && (
        <SecondThought
          testId="remove-map-person"
          level={4}
          question={`Remove ${shown.name} from the map?`}
          yes="Yes, remove them"
          working="Removing…"
          busy={false}
          onYes={() => {
            attempt(() => deleteMapNode(doc, node.id, origin));
            setRemoving(false);
          }}
          onCancel={() => setRemoving(false)}
        >
          <p>Their relationships on the map go too. Undo brings them back.</p>
        </SecondThought>
      )}
    </li>
  );
}

function StatusChoice({ name, status, onChange }: { name: string; status: MapNodeStatus; onChange(status: MapNodeStatus): void }) {
  const id = useId();
  return (
    <div className="nhsuk-form-group rt-map-list__status">
      <label className="nhsuk-label" htmlFor={id}>
        Status of {name}
      </label>
      <select className="nhsuk-select" id={id} value={status} onChange={(event) => onChange(event.target.value as MapNodeStatus)}>
        {statusOptions}
      </select>
    </div>
  );
}
