/** A live list of the people here now, each with their role and their caret colour. */
import { roleLabels, roles, type Role } from "@roundtable/domain";
import { useMe } from "../auth/session-context";
import { usePresence } from "./use-presence";
import "./realtime.css";

function roleLabel(role: string): string {
  return (roles as readonly string[]).includes(role) ? roleLabels[role as Role] : role;
}

export function PresenceList({ room, heading, headingId }: { room: string; heading: string; headingId: string }) {
  const me = useMe();
  const presence = usePresence(room);

  return (
    <section className="rt-presence" aria-labelledby={headingId}>
      <h2 className="nhsuk-heading-s rt-presence__heading" id={headingId}>
        {heading}
      </h2>
      {presence.status === "connecting" && <p className="rt-presence__note">Checking who is here…</p>}
      {presence.status === "unavailable" && (
        <p className="rt-presence__note">We cannot show who is here at the moment. We will keep trying.</p>
      )}
      {presence.status === "live" && (
        <ul className="nhsuk-list rt-presence__list" data-testid="presence-list">
          {presence.people.map((person) => (
            <li key={person.personId} className="rt-presence__person">
              <span className="rt-presence__dot" style={{ backgroundColor: person.colour }} aria-hidden="true" />
              <span>
                <strong>{person.name}</strong>
                {person.personId === me.id && " (you)"}
                <span className="rt-presence__role">{roleLabel(person.role)}</span>
              </span>
            </li>
          ))}
          {presence.people.length === 0 && <li className="rt-presence__note">No one is here right now.</li>}
        </ul>
      )}
    </section>
  );
}
