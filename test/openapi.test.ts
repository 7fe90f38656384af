import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { generateOpenApiDocument, OPENAPI_PATH } from '../scripts/export-openapi.js';

describe('openapi.json', () => {
  it('matches what the route schemas generate (run `npm run openapi:export` after changing a route)', async () => {
    const generated = JSON.parse(await generateOpenApiDocument());
    const checkedIn = JSON.parse(readFileSync(OPENAPI_PATH, 'utf8'));
    assert.deepEqual(checkedIn, generated);
  });

  it('documents every /v1 team route of seed 001 with its bearer security', () => {
    const doc = JSON.parse(readFileSync(OPENAPI_PATH, 'utf8'));
    assert.equal(doc.openapi, '3.1.0');
    for (const [path, method] of [
      ['/v1/teams', 'get'],
      ['/v1/teams', 'post'],
      ['/v1/teams/{id}', 'get'],
      ['/v1/teams/{id}', 'patch'],
      ['/v1/teams/{id}', 'delete'],
      ['/v1/teams/{id}/members', 'post'],
      ['/v1/teams/{id}/members/{agent_id}', 'delete'],
    ] as const) {
      const operation = doc.paths[path]?.[method];
      assert.ok(operation, `${method.toUpperCase()} ${path} is documented`);
      assert.ok(
        (operation.security as Record<string, unknown>[]).some((s) => 'bearerAuth' in s),
        `${method} ${path} accepts a bearer key`,
      );
    }
  });
});
