-- SCIM provisioning (issue 23): the identity provider's ids of agents and teams, and an index for
-- `userName eq ...` filters, which compare the username, or the email of an agent without one,
-- case-insensitively. No new table, so no new row-security policy.
ALTER TABLE "agents" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "external_id" text;--> statement-breakpoint
CREATE UNIQUE INDEX "agents_org_external_id_key" ON "agents" USING btree ("org_id","external_id") WHERE "agents"."external_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "agents_org_scim_user_name_idx" ON "agents" USING btree ("org_id",lower(coalesce("username", "email")));