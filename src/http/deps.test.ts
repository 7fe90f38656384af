import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Actor, ALL_SCOPES } from '../core/access.js';
import type { Db } from '../db/client.js';
import { type AppDeps, requestCtx } from './deps.js';

const ALL = { name: 'all orgs' } as unknown as Db;
const orgHandle = (orgId: string) => ({ name: `org ${orgId}` }) as unknown as Db;
const deps = { db: ALL, forOrg: orgHandle } as unknown as AppDeps;
const ORG = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const master: Actor = { orgId: ORG, isMaster: true, keyId: null, scopes: ALL_SCOPES, agent: null };
const orgKey: Actor = { ...master, isMaster: false, keyId: 'k' };

describe('requestCtx: which database handle a request gets', () => {
  it('holds a master-key request to the org it acts on (org_id, or the default org)', () => {
    assert.deepEqual(requestCtx(deps, master).db, orgHandle(ORG));
  });

  it('gives the all-orgs handle only to the master key on a route that works across orgs', () => {
    assert.equal(requestCtx(deps, master, undefined, { acrossOrgs: true }).db, ALL);
    assert.deepEqual(requestCtx(deps, orgKey, undefined, { acrossOrgs: true }).db, orgHandle(ORG));
    assert.deepEqual(requestCtx(deps, orgKey).db, orgHandle(ORG));
  });

  it('uses the one handle where the database does not scope (no forOrg)', () => {
    assert.equal(requestCtx({ db: ALL } as unknown as AppDeps, master).db, ALL);
  });
});
