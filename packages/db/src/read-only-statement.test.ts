import { describe, expect, it } from "vitest";
import { isReadOnlyStatement } from "./read-only-statement.js";

describe("telling reads from writes", () => {
  it("lets reads and transaction control through", () => {
    for (const sql of [
      'select "id", "update" from "document_updates" where "document_id" = $1',
      "  (select 1) union (select 2)",
      "SELECT * FROM services FOR UPDATE",
      'with recent as (select * from "actions") select * from recent',
      "-- a comment first\nselect 1",
      "/* insert */ select 'delete me' as words",
      "begin",
      "savepoint sp1",
      "release savepoint sp1",
      "rollback to savepoint sp1",
      "commit",
      "show server_version",
      "explain select 1",
    ]) {
      expect(isReadOnlyStatement(sql), sql).toBe(true);
    }
  });

  it("treats anything that may write, or that it does not know, as a write", () => {
    for (const sql of [
      'insert into "document_updates" ("document_id", "update") values ($1, $2)',
      "UPDATE actions SET status = 'done'",
      "delete from sessions",
      "with gone as (delete from sessions returning id) select count(*) from gone",
      "select * into copy_of_actions from actions",
      "explain analyze insert into services default values",
      "analyze",
      "vacuum",
      "create table t (id int)",
      "truncate audit_events",
      "copy services from stdin",
      "",
    ]) {
      expect(isReadOnlyStatement(sql), sql).toBe(false);
    }
  });
});
