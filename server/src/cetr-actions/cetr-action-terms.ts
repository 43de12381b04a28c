/**
 * The terms both CETR action lists are written in: which actions are a CETR's (their document is
 * a CETR's document), who owns each and with which agency, and what overdue and due soon mean
 * in SQL — the same as isOverdue in packages/domain, so a filter and the row's `overdue` agree.
 */
import { schema, type Db } from "@roundtable/db";
import { daysFrom, dueSoonDays, outstandingStatuses } from "@roundtable/domain";
import { and, eq, gte, inArray, isNull, lt, lte, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";

export const actionOwner = alias(schema.people, "owner");
/** The agency named on the action itself (an agency with no one named yet). */
export const namedAgency = alias(schema.agencies, "named_agency");
/** The agency the owner works for. */
export const ownersAgency = alias(schema.agencies, "owners_agency");

const a = schema.actions;

/** The agency an action is with: as written on it, else the agency its owner works for. */
export const agencyOfAction = sql<string | null>`coalesce(${a.ownerAgencyId}, ${actionOwner.agencyId})`;

/**
 * The same words looked up row by row, for a list of a page of actions: a query that joins the
 * owner and both agencies too takes the planner longer to place (about 20 ms at bench size, on
 * Postgres and PGlite alike) than the look-ups take for a hundred rows.
 */
const ownerRow = alias(schema.people, "owner_row");
const agencyRow = alias(schema.agencies, "agency_row");
/** `from <table> <alias>`: drizzle writes an alias in a SQL template by its name alone. */
export const fromAliased = (table: typeof schema.people | typeof schema.agencies | typeof schema.documents, name: string) => sql`${table} ${sql.identifier(name)}`;
const owners = fromAliased(schema.people, "owner_row");
const agencies = fromAliased(schema.agencies, "agency_row");
export const lookedUp = {
  ownerName: sql<string | null>`(select ${ownerRow.name} from ${owners} where ${ownerRow.id} = ${a.ownerId})`,
  agencyId: sql<string | null>`coalesce(${a.ownerAgencyId}, (select ${ownerRow.agencyId} from ${owners} where ${ownerRow.id} = ${a.ownerId}))`,
  /** The agency named on the action itself. */
  namedAgencyName: sql<string | null>`(select ${agencyRow.name} from ${agencies} where ${agencyRow.id} = ${a.ownerAgencyId})`,
};
/** The name of the agency the action is with (lookedUp.agencyId). */
export const lookedUpAgencyName = sql<string | null>`(select ${agencyRow.name} from ${agencies} where ${agencyRow.id} = ${lookedUp.agencyId})`;

/**
 * An action is with this agency: written on it, or — none written — owned by someone who works
 * there. Said as two conditions on the action's own columns, not on the joined owner, so the
 * planner can tell how many rows it keeps (an agency's share, not a guess of one in two hundred)
 * and reads the list's index in order rather than sorting every action first.
 */
export function withAgency(db: Db, agencyId: string): SQL {
  const staff = db.select({ id: schema.people.id }).from(schema.people).where(eq(schema.people.agencyId, agencyId));
  return or(eq(a.ownerAgencyId, agencyId), and(isNull(a.ownerAgencyId), inArray(a.ownerId, staff)))!;
}

/** The order CETR action lists are read in: by due date (none last); then id (actions_due_key_idx). */
export const dueKey = sql`coalesce(${a.dueDate}, 'infinity'::date)`;

/** How many times an action has been escalated. */
export const escalationCount = sql<number>`(select count(*) from ${schema.actionEscalations} where ${schema.actionEscalations.actionId} = ${a.id})::int`;

export const isStillToDo = inArray(a.status, [...outstandingStatuses]);

/** Overdue on `today`: still to do, and due before it (said on the list's order: no due date sorts last). */
export const overdueOn = (today: string): SQL => and(isStillToDo, lt(dueKey, today))!;

/** Still to do and due from `today` to `days` days ahead. */
export const dueWithin = (today: string, days: number = dueSoonDays): SQL => and(isStillToDo, gte(dueKey, today), lte(dueKey, daysFrom(today, days)))!;
