CREATE TABLE "cetr_action_child_figures" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"open" integer DEFAULT 0 NOT NULL,
	"overdue" integer DEFAULT 0 NOT NULL,
	"due_soon" integer DEFAULT 0 NOT NULL,
	"done" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cetr_action_report_figures" (
	"document_id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"open" integer DEFAULT 0 NOT NULL,
	"overdue" integer DEFAULT 0 NOT NULL,
	"due_soon" integer DEFAULT 0 NOT NULL,
	"done" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX "cetr_action_child_figures_overdue_idx" ON "cetr_action_child_figures" USING btree ("overdue" DESC NULLS FIRST,"open" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "cetr_action_report_figures_overdue_idx" ON "cetr_action_report_figures" USING btree ("overdue" DESC NULLS FIRST,"open" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "cetr_action_report_figures_case_idx" ON "cetr_action_report_figures" USING btree ("case_id");--> statement-breakpoint
-- The CETR actions page's figures summed per child and per CETR report (ADR 0034, later), kept
-- from cetr_action_figures by the trigger below: each statement on it adds what it added and
-- takes off what it removed, in key order (so two writers lock rows in the same order).
CREATE FUNCTION cetr_action_rollups_count(changed text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT format($q$
    WITH c AS (%1$s),
    children AS (
      INSERT INTO cetr_action_child_figures AS t (case_id, total, open, overdue, due_soon, done)
      SELECT case_id, sum(sign * total), sum(sign * open), sum(sign * overdue), sum(sign * due_soon), sum(sign * done)
      FROM c GROUP BY case_id ORDER BY case_id
      ON CONFLICT (case_id) DO UPDATE SET
        total = t.total + excluded.total, open = t.open + excluded.open, overdue = t.overdue + excluded.overdue,
        due_soon = t.due_soon + excluded.due_soon, done = t.done + excluded.done
    )
    INSERT INTO cetr_action_report_figures AS t (document_id, case_id, total, open, overdue, due_soon, done)
    SELECT document_id, min(case_id::text)::uuid, sum(sign * total), sum(sign * open), sum(sign * overdue), sum(sign * due_soon), sum(sign * done)
    FROM c GROUP BY document_id ORDER BY document_id
    ON CONFLICT (document_id) DO UPDATE SET
      case_id = excluded.case_id, total = t.total + excluded.total, open = t.open + excluded.open, overdue = t.overdue + excluded.overdue,
      due_soon = t.due_soon + excluded.due_soon, done = t.done + excluded.done
  $q$, changed);
$$;
--> statement-breakpoint
CREATE FUNCTION cetr_action_rollups_follow() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cols constant text := 'case_id, document_id, total, open, overdue, due_soon, done';
BEGIN
  IF TG_OP = 'INSERT' THEN
    EXECUTE cetr_action_rollups_count(format('SELECT 1 AS sign, %s FROM new_rows', cols));
  ELSIF TG_OP = 'UPDATE' THEN
    EXECUTE cetr_action_rollups_count(format('SELECT -1 AS sign, %1$s FROM old_rows UNION ALL SELECT 1, %1$s FROM new_rows', cols));
  ELSE
    EXECUTE cetr_action_rollups_count(format('SELECT -1 AS sign, %s FROM old_rows', cols));
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER cetr_action_figures_rollups_insert AFTER INSERT ON cetr_action_figures REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION cetr_action_rollups_follow();
--> statement-breakpoint
CREATE TRIGGER cetr_action_figures_rollups_update AFTER UPDATE ON cetr_action_figures REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION cetr_action_rollups_follow();
--> statement-breakpoint
CREATE TRIGGER cetr_action_figures_rollups_delete AFTER DELETE ON cetr_action_figures REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION cetr_action_rollups_follow();
--> statement-breakpoint
INSERT INTO cetr_action_child_figures (case_id, total, open, overdue, due_soon, done)
SELECT case_id, sum(total), sum(open), sum(overdue), sum(due_soon), sum(done) FROM cetr_action_figures GROUP BY case_id;
--> statement-breakpoint
INSERT INTO cetr_action_report_figures (document_id, case_id, total, open, overdue, due_soon, done)
SELECT document_id, min(case_id::text)::uuid, sum(total), sum(open), sum(overdue), sum(due_soon), sum(done) FROM cetr_action_figures GROUP BY document_id;
