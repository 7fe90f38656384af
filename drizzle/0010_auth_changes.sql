-- Roster keeps the keys it has verified in memory. Whatever changes what authentication reads
-- (a key's row, or the role, status or trash of the agent it belongs to), by whichever path,
-- Roster's own statements, cascades or an operator's SQL, announces it on the channel
-- `roster_auth` when its transaction commits, and every Roster instance listening forgets the
-- keys it holds. `last_used_at` is left out: recording use changes nothing a check reads.
CREATE FUNCTION roster_auth_changed() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    PERFORM pg_notify('roster_auth', TG_TABLE_NAME);
    RETURN NULL;
  END
  $$;
--> statement-breakpoint
CREATE TRIGGER api_keys_auth_changed
  AFTER UPDATE OF id, org_id, name, scopes, agent_id, key_hash, last4, created_at, expires_at OR DELETE
  ON "api_keys" FOR EACH STATEMENT EXECUTE FUNCTION roster_auth_changed();
--> statement-breakpoint
CREATE TRIGGER api_keys_auth_truncated AFTER TRUNCATE ON "api_keys"
  FOR EACH STATEMENT EXECUTE FUNCTION roster_auth_changed();
--> statement-breakpoint
CREATE TRIGGER agents_auth_changed
  AFTER UPDATE OF id, org_id, role, status, trashed_at OR DELETE
  ON "agents" FOR EACH STATEMENT EXECUTE FUNCTION roster_auth_changed();
--> statement-breakpoint
CREATE TRIGGER agents_auth_truncated AFTER TRUNCATE ON "agents"
  FOR EACH STATEMENT EXECUTE FUNCTION roster_auth_changed();
