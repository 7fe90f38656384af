CREATE TABLE "users" (
	"id" uuid PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"full_name" text NOT NULL,
	"first_name" text,
	"last_name" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agents" ADD COLUMN "user_id" uuid;--> statement-breakpoint
-- Existing agents: one user per distinct email (named after its earliest agent), with a UUIDv7
-- built from that agent's creation time, then every agent linked to the user of its email.
INSERT INTO "users" ("id", "email", "full_name", "first_name", "last_name", "created_at")
SELECT encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
         placing substring(int8send((extract(epoch from a."created_at") * 1000)::bigint) from 3)
         from 1 for 6), 52, 1), 53, 1), 'hex')::uuid,
       a."email", a."full_name", a."first_name", a."last_name", a."created_at"
FROM (
  SELECT DISTINCT ON (lower("email")) "email", "full_name", "first_name", "last_name", "created_at"
  FROM "agents"
  ORDER BY lower("email"), "created_at", "id"
) a;--> statement-breakpoint
UPDATE "agents" SET "user_id" = u."id" FROM "users" u WHERE lower(u."email") = lower("agents"."email");--> statement-breakpoint
ALTER TABLE "agents" ALTER COLUMN "user_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "agents" ADD COLUMN "profile_status" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "agents" ADD COLUMN "settings" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "agents" ADD COLUMN "trashed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "agents" ADD COLUMN "created_by" uuid;--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree (lower("email"));--> statement-breakpoint
ALTER TABLE "agents" ADD CONSTRAINT "agents_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agents_user_idx" ON "agents" USING btree ("user_id");