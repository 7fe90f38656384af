-- A group row (0018) held the ids of its events, one uuid each: 16 kB for a 1,000-member change,
-- drawn one by one in Node, sent as 38 kB of JSON and parsed back. A group's ids are now made
-- together (src/core/events/event-groups.ts): one new id with its last two bytes set to 0, 1, 2,
-- ..., and the row's id is the last of them, so the row holds only how many there are
-- (group_size) and the view derives each id from its own. Rows written before keep group_ids and
-- are read as before; the events read through the view are the same either way.
ALTER TABLE "outbox" ADD COLUMN "group_size" integer;
--> statement-breakpoint
CREATE OR REPLACE VIEW "outbox_events" WITH (security_invoker = true) AS
  SELECT o.id AS row_id, e.id, o.org_id, o.type, e.payload, o.created_at, o.xid, e.n
  FROM outbox o
  CROSS JOIN LATERAL (
    SELECT o.id, o.payload, 0::bigint AS n WHERE o.group_ids IS NULL AND o.group_size IS NULL
    UNION ALL
    SELECT g.id, o.payload->'common' || g.own, g.n
    FROM ROWS FROM (unnest(o.group_ids), jsonb_array_elements(o.payload->'each')) WITH ORDINALITY AS g(id, own, n)
    WHERE o.group_ids IS NOT NULL
    UNION ALL
    SELECT encode(overlay(uuid_send(o.id) PLACING int2send((g.n - 1)::int2) FROM 15 FOR 2), 'hex')::uuid,
      o.payload->'common' || g.own, g.n
    FROM jsonb_array_elements(o.payload->'each') WITH ORDINALITY AS g(own, n)
    WHERE o.group_size IS NOT NULL
  ) e;
