ALTER TABLE "teams" ADD COLUMN "member_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Kept exact by statement-level triggers on team_members, whatever changes them: Roster's bulk
-- statements and the cascades of deleting an agent or a team alike. Each statement updates each
-- team it touched once; that update locks the team's row, so concurrent changes count in turn.
UPDATE "teams" t SET "member_count" = (
  SELECT count(*) FROM "team_members" m WHERE m."org_id" = t."org_id" AND m."team_id" = t."id"
);
--> statement-breakpoint
CREATE FUNCTION roster_count_members() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    IF TG_OP = 'INSERT' THEN
      UPDATE teams t SET member_count = t.member_count + d.n
      FROM (SELECT org_id, team_id, count(*)::int AS n FROM changed GROUP BY org_id, team_id) d
      WHERE t.org_id = d.org_id AND t.id = d.team_id;
    ELSE
      UPDATE teams t SET member_count = t.member_count - d.n
      FROM (SELECT org_id, team_id, count(*)::int AS n FROM changed GROUP BY org_id, team_id) d
      WHERE t.org_id = d.org_id AND t.id = d.team_id;
    END IF;
    RETURN NULL;
  END
  $$;
--> statement-breakpoint
CREATE TRIGGER team_members_counted_in AFTER INSERT ON "team_members"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION roster_count_members();
--> statement-breakpoint
CREATE TRIGGER team_members_counted_out AFTER DELETE ON "team_members"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION roster_count_members();
