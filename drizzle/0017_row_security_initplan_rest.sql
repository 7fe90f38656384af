-- The policies of the tables added after 0013 (0014's webhooks and audit log, 0015's sessions)
-- in 0013's form: each policy function in a scalar sub-select, evaluated once per statement
-- rather than per row. Same meaning: all orgs ('*'), or exactly the org set for the transaction.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['webhook_endpoints', 'webhook_deliveries', 'webhook_queue', 'audit_log', 'sessions'] LOOP
    EXECUTE format(
      'ALTER POLICY %I ON %I USING ((SELECT roster_all_orgs()) OR org_id = (SELECT roster_current_org())) '
        'WITH CHECK ((SELECT roster_all_orgs()) OR org_id = (SELECT roster_current_org()))',
      t || '_isolation', t
    );
  END LOOP;
END
$$;
