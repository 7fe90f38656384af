import { index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.js';
import { apiKeys, orgs } from './schema.js';

/**
 * Console sessions: a short-lived token exchanged for an API key (`POST /v1/sessions`), held by the
 * browser in an HttpOnly cookie. Only the token's hash is stored, with the hash of the key it came
 * from: every request checks that key again, so a revoked key (or a changed master key) ends its
 * sessions, and deleting the key's row deletes them.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    /** The org key the session came from; null for the master key. */
    apiKeyId: uuid('api_key_id').references(() => apiKeys.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    keyHash: text('key_hash').notNull(),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [
    uniqueIndex('sessions_token_hash_key').on(t.tokenHash),
    index('sessions_api_key_idx').on(t.apiKeyId),
    index('sessions_expires_idx').on(t.expiresAt),
  ],
);

export type SessionRow = typeof sessions.$inferSelect;
