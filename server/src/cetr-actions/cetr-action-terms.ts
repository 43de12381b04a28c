/**
 * The terms both CETR action lists are written in: which actions are a CETR's (their document is
 * a CETR's document), who owns each and with which agency, and what overdue and due soon mean
 * in SQL — the same as isOverdue in packages/domain, so a filter and the row's `overdue` agree.
 */
import { schema } from "@roundtable/db";
import { daysFrom, dueSoonDays, outstandingStatuses } from "@roundtable/domain";
import { and, gte, inArray, lt, lte, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";

export const actionOwner = alias(schema.people, "owner");
/** The agency named on the action itself (an agency with no one named yet). */
export const namedAgency = alias(schema.agencies, "named_agency");
/** The agency the owner works for. */
export const ownersAgency = alias(schema.agencies, "owners_agency");

const a = schema.actions;

/** The agency an action is with: as written on it, else the agency its owner works for. */
export const agencyOfAction = sql<string | null>`coalesce(${a.ownerAgencyId}, ${actionOwner.agencyId})`;

/** The order CETR action lists are read in: by due date (none last); then id (actions_due_key_idx). */
export const dueKey = sql`coalesce(${a.dueDate}, 'infinity'::date)`;

/** How many times an action has been escalated. */
export const escalationCount = sql<number>`(select count(*) from ${schema.actionEscalations} where ${schema.actionEscalations.actionId} = ${a.id})::int`;

export const isStillToDo = inArray(a.status, [...outstandingStatuses]);

/** Overdue on `today`: still to do, and due before it. */
export const overdueOn = (today: string): SQL => and(isStillToDo, lt(a.dueDate, today))!;

/** Still to do and due from `today` to `days` days ahead. */
export const dueWithin = (today: string, days: number = dueSoonDays): SQL => and(isStillToDo, gte(a.dueDate, today), lte(a.dueDate, daysFrom(today, days)))!;
