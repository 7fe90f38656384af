import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../db/client.js';
import type { UserRow } from '../../db/schema.js';
import { newId } from '../ids.js';

/** What a person is registered with when its first agent appears. */
export interface PersonInput {
  email: string;
  fullName: string;
  firstName: string | null;
  lastName: string | null;
}

interface RawUser {
  id: string;
  email: string;
  full_name: string;
  first_name: string | null;
  last_name: string | null;
  created_ms: number;
}

const toUser = (r: RawUser): UserRow => ({
  id: r.id,
  email: r.email,
  fullName: r.full_name,
  firstName: r.first_name,
  lastName: r.last_name,
  createdAt: new Date(Number(r.created_ms)),
});

const COLUMNS = sql`id, email, full_name, first_name, last_name,
  (extract(epoch from created_at) * 1000)::float8 AS created_ms`;

/**
 * The user of this email (case-insensitive), created from `person` when nobody has it yet. An
 * existing user is never changed: an org must not rewrite what other orgs see of a person.
 */
export async function upsertUser(db: Db, person: PersonInput, now: Date): Promise<UserRow> {
  const result = await db.execute(sql`
    INSERT INTO users (id, email, full_name, first_name, last_name, created_at)
    VALUES (${newId()}, ${person.email}, ${person.fullName}, ${person.firstName}, ${person.lastName},
      ${now.toISOString()}::timestamptz)
    ON CONFLICT ((lower(email))) DO UPDATE SET email = users.email
    RETURNING ${COLUMNS}`);
  const [row] = rowsOf<RawUser>(result);
  if (row === undefined) {
    throw new Error('upsert returned no user');
  }
  return toUser(row);
}

/** The user of this email, case-insensitive, or null. */
export async function findUserByEmail(db: Db, email: string): Promise<UserRow | null> {
  const result = await db.execute(sql`SELECT ${COLUMNS} FROM users WHERE lower(email) = lower(${email})`);
  const [row] = rowsOf<RawUser>(result);
  return row === undefined ? null : toUser(row);
}

/**
 * True when the user is an active agent somewhere: a registered person, not a pending invitee.
 * Asked across orgs, so through a database function (drizzle/0008) that row-level security lets
 * see every org and that answers only this yes or no.
 */
export async function isActivePerson(db: Db, userId: string): Promise<boolean> {
  const result = await db.execute(sql`SELECT roster_person_is_active(${userId}::uuid) AS active`);
  return rowsOf<{ active: boolean }>(result)[0]?.active === true;
}
