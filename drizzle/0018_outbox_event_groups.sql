ALTER TABLE "outbox" ADD COLUMN "group_ids" uuid[];--> statement-breakpoint
-- The outbox as the events it holds: a row of its own per event, and a group row (group_ids set:
-- a run of events of one type that one change appended together) as one row per event of the
-- group, each with its id and payload, in id order (n). row_id is the outbox row's id, the last
-- of its group's ids, so that (xid, row_id) follows the outbox's own feed index. Every reader of
-- the feed goes through here. security_invoker: read as the querying role, so row-level security
-- applies as it does to the outbox itself.
CREATE VIEW "outbox_events" WITH (security_invoker = true) AS
  SELECT o.id AS row_id, e.id, o.org_id, o.type, e.payload, o.created_at, o.xid, e.n
  FROM outbox o
  CROSS JOIN LATERAL (
    SELECT o.id, o.payload, 0::bigint AS n WHERE o.group_ids IS NULL
    UNION ALL
    SELECT g.id, g.payload, g.n
    FROM ROWS FROM (unnest(o.group_ids), jsonb_array_elements(o.payload)) WITH ORDINALITY AS g(id, payload, n)
    WHERE o.group_ids IS NOT NULL
  ) e;
