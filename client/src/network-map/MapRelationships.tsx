/**
 * A person's relationships in the network map's list, each said from their side ("works with Lucy
 * Evans", "Dr Ben Carter works with them"), and for someone who may edit, a way to change each
 * one's words (RelationshipForm, under it) and to remove it. After a change, or Cancel, the focus
 * is back on the relationship's Change button, whose name says the relationship as it now is.
 */
import { useRef, useState } from "react";
import { RelationshipForm } from "./RelationshipForm";

export interface ListedRelationship {
  edgeId: string;
  label: string;
  otherName: string;
  outgoing: boolean;
}

interface RelationshipsProps {
  of: readonly ListedRelationship[];
  editable: boolean;
  personName: string;
  onRemove(edgeId: string): void;
  /** Changes a relationship's words; answers what to say when they could not be changed, or null. */
  onRelabel(edgeId: string, label: string): string | null;
}

export function Relationships({ of, ...rest }: RelationshipsProps) {
  if (of.length === 0) return null;
  return (
    <ul className="rt-map-list__relationships" aria-label={`${rest.personName}'s relationships`}>
      {of.map((r) => (
        <Relationship key={r.edgeId} relationship={r} {...rest} />
      ))}
    </ul>
  );
}

function Relationship({ relationship: r, editable, personName, onRemove, onRelabel }: Omit<RelationshipsProps, "of"> & { relationship: ListedRelationship }) {
  const [changing, setChanging] = useState(false);
  const changeButton = useRef<HTMLButtonElement>(null);
  const words = r.outgoing ? `${r.label} ${r.otherName}` : `${r.otherName} ${r.label} them`;
  const [from, to] = r.outgoing ? [personName, r.otherName] : [r.otherName, personName];
  const done = () => {
    setChanging(false);
    changeButton.current?.focus();
  };
  return (
    <li data-testid="map-relationship">
      {words}
      {editable && (
        <>
          <button ref={changeButton} type="button" className="rt-link-button" aria-expanded={changing} onClick={() => (changing ? done() : setChanging(true))}>
            Change<span className="nhsuk-u-visually-hidden"> the relationship: {personName}, {words}</span>
          </button>
          <button type="button" className="rt-link-button" onClick={() => onRemove(r.edgeId)}>
            Remove<span className="nhsuk-u-visually-hidden"> the relationship: {personName}, {words}</span>
          </button>
        </>
      )}
      {changing && (
        <RelationshipForm
          current={r.label}
          from={from}
          to={to}
          onSave={(label) => {
            const problem = label === r.label ? null : onRelabel(r.edgeId, label);
            if (!problem) done();
            return problem;
          }}
          onCancel={done}
        />
      )}
    </li>
  );
}
