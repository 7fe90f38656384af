-- Row-level security on every table that holds one org's data: defence in depth behind the
-- org filter of every query. Roster sets `roster.org_id` at the start of each transaction
-- (src/db/row-security.ts): an org's id, or '*' for the platform's own work across orgs (the
-- master key, authentication by key hash, background expiry). With nothing set, no row is visible.
-- Superusers and roles with BYPASSRLS skip these policies, as PostgreSQL always lets them; run
-- Roster as an ordinary role for them to hold (README, "Tenant isolation").
CREATE FUNCTION roster_current_org() RETURNS uuid
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$
    SELECT CASE WHEN s ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN s::uuid END
    FROM current_setting('roster.org_id', true) AS s
  $$;
--> statement-breakpoint
CREATE FUNCTION roster_all_orgs() RETURNS boolean
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT coalesce(current_setting('roster.org_id', true), '') = '*' $$;
--> statement-breakpoint
ALTER TABLE "orgs" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "orgs" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "orgs_isolation" ON "orgs"
  USING (roster_all_orgs() OR "id" = roster_current_org())
  WITH CHECK (roster_all_orgs() OR "id" = roster_current_org());
--> statement-breakpoint
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY[
    'agents', 'teams', 'team_members', 'supervisor_agents', 'conversations',
    'presence_statuses', 'api_keys', 'outbox', 'idempotency_keys'
  ] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY %I ON %I USING (roster_all_orgs() OR org_id = roster_current_org()) '
        'WITH CHECK (roster_all_orgs() OR org_id = roster_current_org())',
      t || '_isolation', t
    );
  END LOOP;
END
$$;
--> statement-breakpoint
-- The one question an org's request asks across orgs: is this person an active agent anywhere
-- (a registered person joins at once, an unknown one is invited)? The function runs as the
-- tables' owner with all orgs in scope and answers only yes or no, so the org's handle still
-- sees no other org's rows.
CREATE FUNCTION roster_person_is_active(person uuid) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public
  SET roster.org_id = '*'
  AS $$
    SELECT EXISTS (
      SELECT 1 FROM agents WHERE user_id = person AND status = 'active' AND trashed_at IS NULL
    )
  $$;
