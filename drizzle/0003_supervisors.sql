CREATE TABLE "supervisor_agents" (
	"org_id" uuid NOT NULL,
	"supervisor_id" uuid NOT NULL,
	"agent_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "supervisor_agents_org_id_supervisor_id_agent_id_pk" PRIMARY KEY("org_id","supervisor_id","agent_id"),
	CONSTRAINT "supervisor_agents_not_self_check" CHECK ("supervisor_agents"."supervisor_id" <> "supervisor_agents"."agent_id")
);
--> statement-breakpoint
ALTER TABLE "supervisor_agents" ADD CONSTRAINT "supervisor_agents_supervisor_fk" FOREIGN KEY ("org_id","supervisor_id") REFERENCES "public"."agents"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervisor_agents" ADD CONSTRAINT "supervisor_agents_agent_fk" FOREIGN KEY ("org_id","agent_id") REFERENCES "public"."agents"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "supervisor_agents_agent_idx" ON "supervisor_agents" USING btree ("org_id","agent_id");