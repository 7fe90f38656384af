CREATE TABLE "presence_statuses" (
	"org_id" uuid NOT NULL,
	"key" text NOT NULL,
	"label" text NOT NULL,
	"available" boolean NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "presence_statuses_org_id_key_pk" PRIMARY KEY("org_id","key")
);
--> statement-breakpoint
ALTER TABLE "agents" ADD COLUMN "available" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "agents" ADD COLUMN "presence_status" text DEFAULT 'working' NOT NULL;--> statement-breakpoint
ALTER TABLE "agents" ADD COLUMN "channels" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "agents" ADD COLUMN "availability_changed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "agents" ADD COLUMN "presence_changed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "agents" ADD COLUMN "last_seen_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "orgs" ADD COLUMN "default_max_concurrent" integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "default_max_concurrent" integer;--> statement-breakpoint
ALTER TABLE "presence_statuses" ADD CONSTRAINT "presence_statuses_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orgs" ADD CONSTRAINT "orgs_default_max_concurrent_check" CHECK ("orgs"."default_max_concurrent" BETWEEN 0 AND 1000);--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_default_max_concurrent_check" CHECK ("teams"."default_max_concurrent" BETWEEN 0 AND 1000);