/**
 * What a SCIM query asks for, in Roster's terms: the dialect parses SCIM's filter language and
 * names Roster fields; the repository turns the predicate into SQL. Nothing here speaks HTTP.
 */

/** Fields of an agent a provisioning query may compare. */
export type UserField =
  | 'id'
  /** The username, or the email of an agent without one; compared case-insensitively. */
  | 'userName'
  | 'externalId'
  /** The primary email or any additional one, case-insensitive. */
  | 'email'
  | 'fullName'
  | 'firstName'
  | 'lastName'
  /** The primary phone number or any additional one. */
  | 'phone'
  | 'active'
  | 'role'
  | 'employeeNumber'
  | 'department'
  | 'createdAt'
  | 'updatedAt';

/** Fields of a team a provisioning query may compare. */
export type GroupField = 'id' | 'name' | 'externalId' | 'member' | 'createdAt' | 'updatedAt';

export type CompareOp = 'eq' | 'ne' | 'co' | 'sw' | 'ew' | 'gt' | 'ge' | 'lt' | 'le';

export type Predicate<F extends string> =
  | { kind: 'compare'; field: F; op: CompareOp; value: string | number | boolean | null }
  | { kind: 'present'; field: F }
  | { kind: 'and' | 'or'; items: Predicate<F>[] }
  | { kind: 'not'; item: Predicate<F> }
  /** Matches every row (a filter on an attribute every resource has, such as `schemas`). */
  | { kind: 'all' }
  /** Matches no row (an attribute no resource has). */
  | { kind: 'none' };

/** A page in SCIM's terms: 1-based index of the first result, and how many at most. */
export interface IndexPage {
  startIndex: number;
  count: number;
}

/** One page of matches and how many match in all. */
export interface CountedPage<T> {
  total: number;
  items: T[];
}
