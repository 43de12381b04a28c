CREATE TABLE "icb_oversight" (
	"icb_agency_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	CONSTRAINT "icb_oversight_icb_agency_id_case_id_pk" PRIMARY KEY("icb_agency_id","case_id")
);
--> statement-breakpoint
ALTER TABLE "icb_oversight" ADD CONSTRAINT "icb_oversight_icb_agency_id_agencies_id_fk" FOREIGN KEY ("icb_agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "icb_oversight" ADD CONSTRAINT "icb_oversight_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "icb_oversight_case_idx" ON "icb_oversight" USING btree ("case_id");--> statement-breakpoint
-- Who each ICB oversees (ADR 0036): a child whose keyworking service the ICB commissions, whose
-- family's latest decision on sharing with the ICB is "given" and not withdrawn. This function
-- works it out again for the children named, under a lock per child so two changes to one
-- child's consent cannot each write what they saw before the other committed.
CREATE FUNCTION icb_oversight_refresh(children uuid[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  child uuid;
BEGIN
  IF children IS NULL OR cardinality(children) = 0 THEN
    RETURN;
  END IF;
  FOR child IN SELECT DISTINCT c FROM unnest(children) AS c ORDER BY 1 LOOP
    PERFORM pg_advisory_xact_lock(hashtextextended('icb_oversight:' || child::text, 0));
  END LOOP;
  DELETE FROM icb_oversight WHERE case_id = ANY (children);
  INSERT INTO icb_oversight (icb_agency_id, case_id)
  SELECT ic.icb_agency_id, c.id
  FROM cases c
  JOIN icb_commissions ic ON ic.service_id = c.service_id
  JOIN agencies a ON a.id = ic.icb_agency_id AND a.kind = 'icb'
  WHERE c.id = ANY (children)
    AND coalesce((
      SELECT k.decision = 'given' AND k.withdrawn_at IS NULL
      FROM consents k
      WHERE k.kind = 'share-with-agency' AND k.agency_id = ic.icb_agency_id AND k.case_id = c.id
      ORDER BY k.recorded_at DESC
      LIMIT 1
    ), false)
  ON CONFLICT DO NOTHING;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION icb_oversight_follow_consents() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM icb_oversight_refresh(array(SELECT case_id FROM old_rows WHERE kind = 'share-with-agency'));
  ELSE
    PERFORM icb_oversight_refresh(array(SELECT case_id FROM new_rows WHERE kind = 'share-with-agency'));
  END IF;
  IF TG_OP = 'UPDATE' THEN
    PERFORM icb_oversight_refresh(array(SELECT case_id FROM old_rows WHERE kind = 'share-with-agency' EXCEPT SELECT case_id FROM new_rows));
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER consents_icb_oversight_insert AFTER INSERT ON consents REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION icb_oversight_follow_consents();
--> statement-breakpoint
CREATE TRIGGER consents_icb_oversight_update AFTER UPDATE ON consents REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION icb_oversight_follow_consents();
--> statement-breakpoint
CREATE TRIGGER consents_icb_oversight_delete AFTER DELETE ON consents REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION icb_oversight_follow_consents();
--> statement-breakpoint
-- A child moved to another service.
CREATE FUNCTION icb_oversight_follow_cases() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM icb_oversight_refresh(array(SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE o.service_id IS DISTINCT FROM n.service_id));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER cases_icb_oversight_update AFTER UPDATE ON cases REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION icb_oversight_follow_cases();
--> statement-breakpoint
-- A service commissioned, or no longer: every child of it.
CREATE FUNCTION icb_oversight_follow_commissions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM icb_oversight_refresh(array(SELECT c.id FROM cases c WHERE c.service_id IN (SELECT service_id FROM new_rows)));
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    PERFORM icb_oversight_refresh(array(SELECT c.id FROM cases c WHERE c.service_id IN (SELECT service_id FROM old_rows)));
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER icb_commissions_icb_oversight_insert AFTER INSERT ON icb_commissions REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION icb_oversight_follow_commissions();
--> statement-breakpoint
CREATE TRIGGER icb_commissions_icb_oversight_update AFTER UPDATE ON icb_commissions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION icb_oversight_follow_commissions();
--> statement-breakpoint
CREATE TRIGGER icb_commissions_icb_oversight_delete AFTER DELETE ON icb_commissions REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION icb_oversight_follow_commissions();
--> statement-breakpoint
-- An agency that becomes, or stops being, an ICB: every child of the services it commissions.
CREATE FUNCTION icb_oversight_follow_agencies() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM icb_oversight_refresh(array(
    SELECT c.id FROM cases c JOIN icb_commissions ic ON ic.service_id = c.service_id
    WHERE ic.icb_agency_id IN (SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE o.kind IS DISTINCT FROM n.kind)
  ));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER agencies_icb_oversight_update AFTER UPDATE ON agencies REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION icb_oversight_follow_agencies();
--> statement-breakpoint
SELECT icb_oversight_refresh(array(SELECT id FROM cases));
