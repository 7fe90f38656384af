-- Reading a page of a group row through the view cost O(group size) detoasts: every event's
-- `o.payload->'common'` opened the row's whole compressed payload again (19,000 buffer hits and
-- 14.6 ms for a page of 100 from two 1,000-event groups, each reader paying it again for every
-- page). The group's `common` and `each` are now taken out of the payload once per row, in a
-- subquery the planner keeps (OFFSET 0), and every event is built from those (45 buffer hits,
-- 2.7 ms for the same page). The events read through the view are the same.
CREATE OR REPLACE VIEW "outbox_events" WITH (security_invoker = true) AS
  SELECT o.id AS row_id, e.id, o.org_id, o.type, e.payload, o.created_at, o.xid, e.n
  FROM outbox o
  CROSS JOIN LATERAL (
    SELECT o.id, o.payload, 0::bigint AS n WHERE o.group_ids IS NULL AND o.group_size IS NULL
    UNION ALL
    SELECT g.id, p.common || g.own, g.n
    FROM (SELECT o.payload->'common' AS common, o.payload->'each' AS each
          WHERE o.group_ids IS NOT NULL OFFSET 0) p
    CROSS JOIN LATERAL ROWS FROM (unnest(o.group_ids), jsonb_array_elements(p.each))
      WITH ORDINALITY AS g(id, own, n)
    UNION ALL
    SELECT encode(overlay(uuid_send(o.id) PLACING int2send((g.n - 1)::int2) FROM 15 FOR 2), 'hex')::uuid,
      p.common || g.own, g.n
    FROM (SELECT o.payload->'common' AS common, o.payload->'each' AS each
          WHERE o.group_size IS NOT NULL OFFSET 0) p
    CROSS JOIN LATERAL jsonb_array_elements(p.each) WITH ORDINALITY AS g(own, n)
  ) e;
