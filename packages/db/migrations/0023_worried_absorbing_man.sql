CREATE TABLE "cetr_action_figures" (
	"case_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"agency_id" uuid,
	"owner_id" uuid,
	"total" integer DEFAULT 0 NOT NULL,
	"open" integer DEFAULT 0 NOT NULL,
	"overdue" integer DEFAULT 0 NOT NULL,
	"due_soon" integer DEFAULT 0 NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "cetr_action_figures_key" UNIQUE NULLS NOT DISTINCT("case_id","document_id","agency_id","owner_id")
);
--> statement-breakpoint
CREATE TABLE "cetr_action_figures_state" (
	"id" integer PRIMARY KEY NOT NULL,
	"as_of" date,
	"due_soon_days" integer DEFAULT 14 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cetr_action_status_days" (
	"case_id" uuid NOT NULL,
	"agency_id" uuid,
	"owner_id" uuid,
	"day" date NOT NULL,
	"open" integer DEFAULT 0 NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "cetr_action_status_days_key" UNIQUE NULLS NOT DISTINCT("case_id","agency_id","owner_id","day")
);
--> statement-breakpoint
CREATE INDEX "cetr_action_figures_case_idx" ON "cetr_action_figures" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "cetr_action_status_days_case_idx" ON "cetr_action_status_days" USING btree ("case_id");--> statement-breakpoint
-- The CETR actions page's figures are kept here as actions change (ADR 0034). Which actions: those
-- whose document is a CETR's report. Their agency: the one written on the action, else the
-- owner's. Open: open, in progress or blocked; overdue: open and due before the figures' day;
-- due soon: open and due from that day to due_soon_days after it; done: done. Removed: none.
INSERT INTO "cetr_action_figures_state" ("id", "as_of") VALUES (1, NULL);
--> statement-breakpoint
-- The statement that adds the signed rows named by the SQL `changed` (sign, case_id, document_id,
-- owner_id, owner_agency_id, status, due_date, removed_at, day) to the figures, counted for the
-- day $1 with "due soon" reaching $2 days ahead. (Returned, not run: a trigger's transition
-- tables can be read only by the trigger function itself.)
CREATE FUNCTION cetr_action_figures_count(changed text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT format($q$
    INSERT INTO cetr_action_figures AS f (case_id, document_id, agency_id, owner_id, total, open, overdue, due_soon, done)
    SELECT case_id, document_id, agency_id, owner_id, sum(sign * counted), sum(sign * open), sum(sign * overdue), sum(sign * due_soon), sum(sign * done)
    FROM (
      SELECT c.sign, c.case_id, c.document_id, coalesce(c.owner_agency_id, p.agency_id) AS agency_id, c.owner_id,
        (c.removed_at IS NULL)::int AS counted,
        (c.removed_at IS NULL AND c.status IN ('open', 'in-progress', 'blocked'))::int AS open,
        (c.removed_at IS NULL AND c.status IN ('open', 'in-progress', 'blocked') AND c.due_date IS NOT NULL AND c.due_date < $1)::int AS overdue,
        (c.removed_at IS NULL AND c.status IN ('open', 'in-progress', 'blocked') AND c.due_date IS NOT NULL AND c.due_date >= $1 AND c.due_date <= $1 + $2)::int AS due_soon,
        (c.removed_at IS NULL AND c.status = 'done')::int AS done
      FROM (%s) c
      JOIN cetrs ON cetrs.document_id = c.document_id
      LEFT JOIN people p ON p.id = c.owner_id
    ) r
    GROUP BY 1, 2, 3, 4
    HAVING sum(sign * counted) <> 0 OR sum(sign * open) <> 0 OR sum(sign * overdue) <> 0 OR sum(sign * due_soon) <> 0 OR sum(sign * done) <> 0
    ON CONFLICT ON CONSTRAINT cetr_action_figures_key DO UPDATE SET
      total = f.total + excluded.total, open = f.open + excluded.open, overdue = f.overdue + excluded.overdue,
      due_soon = f.due_soon + excluded.due_soon, done = f.done + excluded.done
  $q$, changed);
$$;
--> statement-breakpoint
-- The statement that adds the same signed rows to the day-by-day changes, on each row's `day`.
CREATE FUNCTION cetr_action_status_days_count(changed text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT format($q$
    INSERT INTO cetr_action_status_days AS d (case_id, agency_id, owner_id, day, open, done)
    SELECT case_id, agency_id, owner_id, day, sum(sign * open), sum(sign * done)
    FROM (
      SELECT c.sign, c.case_id, coalesce(c.owner_agency_id, p.agency_id) AS agency_id, c.owner_id, c.day,
        (c.removed_at IS NULL AND c.status IN ('open', 'in-progress', 'blocked'))::int AS open,
        (c.removed_at IS NULL AND c.status = 'done')::int AS done
      FROM (%s) c
      JOIN cetrs ON cetrs.document_id = c.document_id
      LEFT JOIN people p ON p.id = c.owner_id
    ) r
    GROUP BY 1, 2, 3, 4
    HAVING sum(sign * open) <> 0 OR sum(sign * done) <> 0
    ON CONFLICT ON CONSTRAINT cetr_action_status_days_key DO UPDATE SET open = d.open + excluded.open, done = d.done + excluded.done
  $q$, changed);
$$;
--> statement-breakpoint
-- After each statement on actions: what it removed counts off (on the day it happened), what it
-- added counts on (a new action on the day it was made). Waits while the figures are rebuilt.
CREATE FUNCTION cetr_action_figures_follow() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  s record;
  changed text;
  cols constant text := 'case_id, document_id, owner_id, owner_agency_id, status, due_date, removed_at';
  today constant text := '(now() AT TIME ZONE ''Europe/London'')::date';
BEGIN
  SELECT as_of, due_soon_days INTO s FROM cetr_action_figures_state WHERE id = 1 FOR SHARE;
  IF TG_OP = 'INSERT' THEN
    changed := format('SELECT 1 AS sign, %s, (created_at AT TIME ZONE ''Europe/London'')::date AS day FROM new_rows', cols);
  ELSIF TG_OP = 'UPDATE' THEN
    changed := format('SELECT -1 AS sign, %1$s, %2$s AS day FROM old_rows UNION ALL SELECT 1, %1$s, %2$s FROM new_rows', cols, today);
  ELSE
    changed := format('SELECT -1 AS sign, %s, %s AS day FROM old_rows', cols, today);
  END IF;
  -- Stale figures are rebuilt before anyone reads them: nothing to add to until then.
  IF s.as_of IS NOT NULL THEN
    EXECUTE cetr_action_figures_count(changed) USING s.as_of, s.due_soon_days;
  END IF;
  EXECUTE cetr_action_status_days_count(changed);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER actions_cetr_figures_insert AFTER INSERT ON actions REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION cetr_action_figures_follow();
--> statement-breakpoint
CREATE TRIGGER actions_cetr_figures_update AFTER UPDATE ON actions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION cetr_action_figures_follow();
--> statement-breakpoint
CREATE TRIGGER actions_cetr_figures_delete AFTER DELETE ON actions REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION cetr_action_figures_follow();
--> statement-breakpoint
-- What the triggers above cannot follow cheaply (a CETR made for a document that already has
-- actions, an owner moving agency, actions emptied at once) makes the figures stale: the next
-- reader, or the daily job, rebuilds them.
CREATE FUNCTION cetr_action_figures_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE cetr_action_figures_state SET as_of = NULL WHERE id = 1;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER cetrs_cetr_figures_stale AFTER INSERT OR DELETE OR UPDATE OF document_id, case_id ON cetrs
  FOR EACH STATEMENT EXECUTE FUNCTION cetr_action_figures_stale();
--> statement-breakpoint
CREATE TRIGGER people_cetr_figures_stale AFTER UPDATE OF agency_id ON people
  FOR EACH STATEMENT EXECUTE FUNCTION cetr_action_figures_stale();
--> statement-breakpoint
CREATE TRIGGER actions_cetr_figures_truncate AFTER TRUNCATE ON actions
  FOR EACH STATEMENT EXECUTE FUNCTION cetr_action_figures_stale();
--> statement-breakpoint
-- Both tables again from the record, for `today`. Each action counts from the day it was made
-- with the status it was made with (its first change of status says what that was), changes as
-- each status change in action_events says, and counts off the day it was removed.
CREATE FUNCTION cetr_action_figures_rebuild(today date, due_soon_days integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  current date;
BEGIN
  SELECT as_of INTO current FROM cetr_action_figures_state WHERE id = 1 FOR UPDATE;
  IF current IS NOT DISTINCT FROM today THEN
    RETURN;
  END IF;
  DELETE FROM cetr_action_figures;
  DELETE FROM cetr_action_status_days;
  EXECUTE cetr_action_figures_count(
    'SELECT 1 AS sign, case_id, document_id, owner_id, owner_agency_id, status, due_date, removed_at FROM actions WHERE removed_at IS NULL'
  ) USING today, due_soon_days;
  EXECUTE cetr_action_status_days_count($h$
    WITH first_status AS (
      SELECT DISTINCT ON (action_id) action_id, from_value FROM action_events WHERE field = 'status' ORDER BY action_id, at, id
    )
    SELECT 1 AS sign, a.case_id, a.document_id, a.owner_id, a.owner_agency_id, coalesce(f.from_value, a.status) AS status, a.due_date,
      NULL::timestamptz AS removed_at, (a.created_at AT TIME ZONE 'Europe/London')::date AS day
    FROM actions a LEFT JOIN first_status f ON f.action_id = a.id
    UNION ALL
    SELECT s.sign, a.case_id, a.document_id, a.owner_id, a.owner_agency_id, s.status, a.due_date, NULL, (e.at AT TIME ZONE 'Europe/London')::date
    FROM action_events e JOIN actions a ON a.id = e.action_id
    CROSS JOIN LATERAL (VALUES (-1, e.from_value), (1, e.to_value)) AS s(sign, status)
    WHERE e.field = 'status'
    UNION ALL
    SELECT -1, a.case_id, a.document_id, a.owner_id, a.owner_agency_id, a.status, a.due_date, NULL, (a.removed_at AT TIME ZONE 'Europe/London')::date
    FROM actions a WHERE a.removed_at IS NOT NULL
  $h$);
  UPDATE cetr_action_figures_state SET as_of = today, due_soon_days = cetr_action_figures_rebuild.due_soon_days WHERE id = 1;
END;
$$;
