-- A group row (0018) held the array of its events' full payloads. Most of a group's payload is the
-- same for every event (a team's 1,000 `agent.teams_changed` differ only in `agent_id`), so a
-- group's payload is now {"common": what every event has, "each": [each event's own keys]}, and
-- an event's payload is common || its own. Half the bytes to send, parse and store; the events
-- read back through the view are the same as before.
SELECT set_config('roster.org_id', '*', true);
--> statement-breakpoint
UPDATE "outbox" SET "payload" = jsonb_build_object('common', '{}'::jsonb, 'each', "payload")
  WHERE "group_ids" IS NOT NULL AND jsonb_typeof("payload") = 'array';
--> statement-breakpoint
CREATE OR REPLACE VIEW "outbox_events" WITH (security_invoker = true) AS
  SELECT o.id AS row_id, e.id, o.org_id, o.type, e.payload, o.created_at, o.xid, e.n
  FROM outbox o
  CROSS JOIN LATERAL (
    SELECT o.id, o.payload, 0::bigint AS n WHERE o.group_ids IS NULL
    UNION ALL
    SELECT g.id, o.payload->'common' || g.own, g.n
    FROM ROWS FROM (unnest(o.group_ids), jsonb_array_elements(o.payload->'each')) WITH ORDINALITY AS g(id, own, n)
    WHERE o.group_ids IS NOT NULL
  ) e;
