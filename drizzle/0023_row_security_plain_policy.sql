-- The org test of the plain row-level security policies (src/db/platform-role.ts).
-- 0013's policies, `(SELECT roster_all_orgs()) OR org_id = (SELECT roster_current_org())`, cost two
-- InitPlans per table in every statement, most of what row-level security still cost a request
-- (docs/performance-rls.md, "The policies taken apart"). The plain form `org_id = roster_org()`
-- has no sub-select and no OR: PostgreSQL merges it with the statement's own `org_id = $1` and
-- checks it once per statement. It cannot let the platform's work across orgs through ('*' is no
-- org), so that work enters a role of its own, whose policy lets every row through. Creating that
-- role needs CREATEROLE, which a migration cannot count on: the policies are switched to this form
-- at startup by the role that owns the tables, once the role exists or could be created, and stay
-- in 0013's form until then. Nothing set, '', '*': NULL, no row. Inlined into each statement:
-- a single expression, STABLE, so it also serves as an index key.
CREATE FUNCTION roster_org() RETURNS uuid
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT nullif(nullif(current_setting('roster.org_id', true), ''), '*')::uuid $$;
