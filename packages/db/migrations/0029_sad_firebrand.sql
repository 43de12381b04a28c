CREATE TABLE "cetr_action_child_days" (
	"case_id" uuid NOT NULL,
	"day" date NOT NULL,
	"open" integer DEFAULT 0 NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "cetr_action_child_days_case_id_day_pk" PRIMARY KEY("case_id","day")
);
--> statement-breakpoint
-- The day-by-day changes summed per child and day (ADR 0034, later), kept from
-- cetr_action_status_days as the per-child figures are kept from cetr_action_figures (0027).
CREATE FUNCTION cetr_action_child_days_count(changed text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT format($q$
    INSERT INTO cetr_action_child_days AS t (case_id, day, open, done)
    SELECT case_id, day, sum(sign * open), sum(sign * done) FROM (%s) c GROUP BY case_id, day ORDER BY case_id, day
    ON CONFLICT (case_id, day) DO UPDATE SET open = t.open + excluded.open, done = t.done + excluded.done
  $q$, changed);
$$;
--> statement-breakpoint
CREATE FUNCTION cetr_action_child_days_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    EXECUTE cetr_action_child_days_count('SELECT 1 AS sign, case_id, day, open, done FROM new_rows');
  ELSIF TG_OP = 'UPDATE' THEN
    EXECUTE cetr_action_child_days_count('SELECT -1 AS sign, case_id, day, open, done FROM old_rows UNION ALL SELECT 1, case_id, day, open, done FROM new_rows');
  ELSE
    EXECUTE cetr_action_child_days_count('SELECT -1 AS sign, case_id, day, open, done FROM old_rows');
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER cetr_action_status_days_child_insert AFTER INSERT ON cetr_action_status_days REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION cetr_action_child_days_follow();
--> statement-breakpoint
CREATE TRIGGER cetr_action_status_days_child_update AFTER UPDATE ON cetr_action_status_days REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION cetr_action_child_days_follow();
--> statement-breakpoint
CREATE TRIGGER cetr_action_status_days_child_delete AFTER DELETE ON cetr_action_status_days REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION cetr_action_child_days_follow();
--> statement-breakpoint
INSERT INTO cetr_action_child_days (case_id, day, open, done)
SELECT case_id, day, sum(open), sum(done) FROM cetr_action_status_days GROUP BY case_id, day;
