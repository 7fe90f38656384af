ALTER TABLE "agents" ADD COLUMN "assigned_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- What counts against an agent's capacity, kept on its row: routing reads one column per member
-- instead of counting each member's conversations on every decision, and a claim that holds the
-- agent's row lock reads it exact (nothing can assign to the agent without that lock). Kept by
-- statement-level triggers on conversations, whatever changes them: Roster's statements, cascades
-- and an operator's SQL alike. Each statement adjusts each agent it touched once.
UPDATE "agents" a SET "assigned_count" = c.n
FROM (
  SELECT org_id, assignee_id, count(*)::int AS n FROM "conversations"
  WHERE status = 'assigned' AND assignee_id IS NOT NULL GROUP BY org_id, assignee_id
) c
WHERE a."org_id" = c.org_id AND a."id" = c.assignee_id;
--> statement-breakpoint
CREATE FUNCTION roster_count_assigned() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    IF TG_OP = 'INSERT' THEN
      UPDATE agents a SET assigned_count = a.assigned_count + d.n
      FROM (SELECT org_id, assignee_id, count(*)::int AS n FROM new_rows
            WHERE status = 'assigned' AND assignee_id IS NOT NULL GROUP BY org_id, assignee_id) d
      WHERE a.org_id = d.org_id AND a.id = d.assignee_id;
    ELSIF TG_OP = 'DELETE' THEN
      UPDATE agents a SET assigned_count = a.assigned_count - d.n
      FROM (SELECT org_id, assignee_id, count(*)::int AS n FROM old_rows
            WHERE status = 'assigned' AND assignee_id IS NOT NULL GROUP BY org_id, assignee_id) d
      WHERE a.org_id = d.org_id AND a.id = d.assignee_id;
    ELSE
      -- Only agents whose count changed: a statement that leaves assignments alone locks none.
      UPDATE agents a SET assigned_count = a.assigned_count + d.n
      FROM (SELECT org_id, assignee_id, sum(n)::int AS n FROM (
              SELECT org_id, assignee_id, 1 AS n FROM new_rows
              WHERE status = 'assigned' AND assignee_id IS NOT NULL
              UNION ALL
              SELECT org_id, assignee_id, -1 AS n FROM old_rows
              WHERE status = 'assigned' AND assignee_id IS NOT NULL) x
            GROUP BY org_id, assignee_id HAVING sum(n) <> 0) d
      WHERE a.org_id = d.org_id AND a.id = d.assignee_id;
    END IF;
    RETURN NULL;
  END
  $$;
--> statement-breakpoint
CREATE TRIGGER conversations_assigned_in AFTER INSERT ON "conversations"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION roster_count_assigned();
--> statement-breakpoint
CREATE TRIGGER conversations_assigned_changed AFTER UPDATE ON "conversations"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION roster_count_assigned();
--> statement-breakpoint
CREATE TRIGGER conversations_assigned_out AFTER DELETE ON "conversations"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION roster_count_assigned();
