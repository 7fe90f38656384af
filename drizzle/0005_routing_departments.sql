CREATE TABLE "conversations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"team_id" uuid,
	"assignee_id" uuid,
	"status" text DEFAULT 'queued' NOT NULL,
	"channel" text,
	"external_id" text,
	"priority" integer DEFAULT 0 NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"assigned_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	CONSTRAINT "conversations_status_check" CHECK ("conversations"."status" IN ('queued', 'assigned', 'closed')),
	CONSTRAINT "conversations_assignee_check" CHECK (("conversations"."status" = 'assigned') = ("conversations"."assignee_id" IS NOT NULL AND "conversations"."assigned_at" IS NOT NULL) OR "conversations"."status" = 'closed')
);
--> statement-breakpoint
ALTER TABLE "agents" ADD COLUMN "tag_colors" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "agents" ADD COLUMN "last_assigned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "team_members" ADD COLUMN "priority" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "enabled" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "show_on_registration" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "show_on_offline_form" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "routing" text DEFAULT 'least_busy' NOT NULL;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "routing_cursor_agent_id" uuid;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_team_fk" FOREIGN KEY ("org_id","team_id") REFERENCES "public"."teams"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_assignee_fk" FOREIGN KEY ("org_id","assignee_id") REFERENCES "public"."agents"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "conversations_org_external_key" ON "conversations" USING btree ("org_id","external_id") WHERE "conversations"."external_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "conversations_org_idx" ON "conversations" USING btree ("org_id","id");--> statement-breakpoint
CREATE INDEX "conversations_active_idx" ON "conversations" USING btree ("org_id","assignee_id") WHERE "conversations"."status" = 'assigned';--> statement-breakpoint
CREATE INDEX "conversations_queue_idx" ON "conversations" USING btree ("org_id","team_id","priority" DESC NULLS LAST,"created_at","id") WHERE "conversations"."status" = 'queued';--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_routing_check" CHECK ("teams"."routing" IN ('manual', 'round_robin', 'least_busy'));