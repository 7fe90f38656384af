import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { lazySchemas } from './schema-compilers.js';
import { createValidatorCompiler, LOWERCASE_KEYWORD } from './validation.js';

const Shared = { $id: 'Shared', type: 'object', properties: { n: { type: 'integer' } } };

/**
 * A few routes that exercise what the lazy compilers must keep: strict bodies and coerced query
 * strings, defaults, x-lowercase (also on a root value, which Ajv rewrites only when Fastify hands
 * it the parent object), error lists, and serializers that drop undeclared fields and follow a
 * shared schema.
 */
function routes(app: FastifyInstance, seen: unknown[]): void {
  app.addSchema(Shared);
  app.post(
    '/things',
    {
      schema: {
        body: {
          type: 'object',
          required: ['name', 'count'],
          additionalProperties: false,
          properties: {
            name: { type: 'string', minLength: 1, [LOWERCASE_KEYWORD]: true },
            count: { type: 'integer', minimum: 0 },
            tags: { type: 'array', items: { type: 'string' }, default: [] },
          },
        },
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { limit: { type: 'integer', minimum: 1, default: 10 }, flag: { type: 'boolean' } },
        },
        response: {
          201: {
            type: 'object',
            properties: { name: { type: 'string' }, count: { type: 'integer' }, shared: { $ref: 'Shared#' } },
          },
        },
      },
    },
    async (request, reply) => {
      seen.push({ body: request.body, query: request.query });
      return reply
        .status(201)
        .send({ ...(request.body as object), secret: 'dropped', shared: { n: 1, x: 2 } });
    },
  );
  app.put(
    '/names/:id',
    {
      schema: {
        params: { type: 'object', properties: { id: { type: 'integer' } } },
        body: { type: 'string', [LOWERCASE_KEYWORD]: true },
        response: {
          200: { type: 'object', properties: { id: { type: 'integer' }, name: { type: 'string' } } },
        },
      },
    },
    async (request) => {
      seen.push({ params: { ...(request.params as object) }, body: request.body });
      return { id: (request.params as { id: number }).id, name: request.body, other: true };
    },
  );
}

async function eagerApp(seen: unknown[]): Promise<FastifyInstance> {
  const app = Fastify();
  app.setValidatorCompiler(createValidatorCompiler());
  routes(app, seen);
  await app.ready();
  return app;
}

async function lazyApp(seen: unknown[]) {
  const schemas = lazySchemas(createValidatorCompiler());
  const app = Fastify({ schemaController: schemas.schemaController });
  routes(app, seen);
  await app.ready();
  return { app, schemas };
}

const REQUESTS = [
  { method: 'POST', url: '/things', payload: { name: 'MiXeD', count: 2 } },
  { method: 'POST', url: '/things?limit=5&flag=true', payload: { name: 'a', count: 0, tags: ['x'] } },
  { method: 'POST', url: '/things?limit=zero', payload: { name: 'a', count: 1 } },
  { method: 'POST', url: '/things', payload: { name: '', count: '3', extra: true } },
  { method: 'POST', url: '/things', payload: {} },
  { method: 'PUT', url: '/names/7', payload: '"UPPER"', headers: { 'content-type': 'application/json' } },
  { method: 'PUT', url: '/names/seven', payload: '"x"', headers: { 'content-type': 'application/json' } },
  { method: 'PUT', url: '/names/7', payload: '12', headers: { 'content-type': 'application/json' } },
] as const;

describe('lazy route schema compilers', () => {
  it('validate, coerce and serialize exactly as compiling at ready() does', async () => {
    const eagerSeen: unknown[] = [];
    const lazySeen: unknown[] = [];
    const eager = await eagerApp(eagerSeen);
    const { app: lazy, schemas } = await lazyApp(lazySeen);
    try {
      assert.ok(schemas.pending() > 0, 'nothing compiles at ready()');
      for (const request of REQUESTS) {
        const [a, b] = [await eager.inject(request), await lazy.inject(request)];
        assert.equal(b.statusCode, a.statusCode, `${request.method} ${request.url}`);
        assert.deepEqual(b.json(), a.json(), `${request.method} ${request.url}`);
      }
      assert.deepEqual(lazySeen, eagerSeen);
      // The handlers saw the rewritten values, so the comparison above compared something.
      assert.deepEqual(eagerSeen[0], { body: { name: 'mixed', count: 2, tags: [] }, query: { limit: 10 } });
      assert.deepEqual(eagerSeen.at(-1), { params: { id: 7 }, body: 'upper' });
    } finally {
      await eager.close();
      await lazy.close();
    }
  });

  it('compile what no request used in the warm-up, and report a schema that does not compile', async () => {
    const schemas = lazySchemas(createValidatorCompiler());
    const app = Fastify({ schemaController: schemas.schemaController });
    routes(app, []);
    app.get('/broken', { schema: { querystring: { type: 'nonsense' } } }, async () => 'never');
    app.get('/broken-reply', { schema: { response: { 200: { $ref: 'Missing#' } } } }, async () => ({}));
    await app.ready();
    try {
      const before = schemas.pending();
      const served = await app.inject({
        method: 'PUT',
        url: '/names/1',
        payload: '"a"',
        headers: { 'content-type': 'application/json' },
      });
      assert.equal(served.statusCode, 200);
      // Its params, body and 200 response compiled for that request.
      assert.equal(schemas.pending(), before - 3);

      const [first, again] = await Promise.all([schemas.warmUp(), schemas.warmUp()]);
      assert.equal(first, again, 'calls made while a warm-up runs share it');
      assert.equal(schemas.pending(), 0);
      assert.deepEqual(first.failures.map((f) => f.schema).sort(), [
        'GET /broken querystring',
        'GET /broken-reply response 200',
        'HEAD /broken querystring',
        'HEAD /broken-reply response 200',
      ]);
      assert.equal(first.compiled, before - 3 - first.failures.length);
      assert.match(first.failures[0]?.error.message ?? '', /^Failed building the schema of /);

      // The routes whose schemas failed answer 500, as an error thrown by a handler would.
      assert.equal((await app.inject({ method: 'GET', url: '/broken' })).statusCode, 500);
      assert.equal((await app.inject({ method: 'GET', url: '/broken-reply' })).statusCode, 500);
      assert.equal(
        (await app.inject({ method: 'POST', url: '/things', payload: { name: 'b', count: 1 } })).statusCode,
        201,
      );
    } finally {
      await app.close();
    }
  });
});

describe("Roster's routes", { timeout: 120_000 }, () => {
  let env: TestApp;
  before(async () => {
    env = await createTestApp();
  });
  after(async () => {
    await env.close();
  });

  it('all compile in the warm-up, every dialect, without an error', async () => {
    const pending = env.schemas.pending();
    // Every dialect's routes, each with its validators and serializers, HEAD twins included.
    assert.ok(pending > 500, `only ${pending} route schemas registered`);
    const report = await env.schemas.warmUp();
    assert.deepEqual(
      report.failures.map((f) => `${f.schema}: ${f.error.message}`),
      [],
    );
    assert.equal(report.compiled, pending);
    assert.equal(env.schemas.pending(), 0);
  });
});

describe('response serializers', () => {
  it('are compiled once for each distinct schema, and each route still serializes by its own', async () => {
    const schemas = lazySchemas(createValidatorCompiler());
    const app = Fastify({ schemaController: schemas.schemaController });
    // Equal schemas built separately, as each route's own literal is, and one that differs.
    const shape = () => ({
      type: 'object',
      properties: { id: { type: 'integer' }, name: { type: 'string' } },
    });
    app.get('/a', { schema: { response: { 200: shape() } } }, async () => ({
      id: 1,
      name: 'a',
      secret: 's',
    }));
    app.get('/b', { schema: { response: { 200: shape(), 404: shape() } } }, async () => ({
      id: 2,
      name: 'b',
    }));
    app.get(
      '/c',
      { schema: { response: { 200: { type: 'object', properties: { id: { type: 'string' } } } } } },
      async () => ({ id: 3, name: 'c' }),
    );
    await app.ready();
    try {
      const report = await schemas.warmUp();
      assert.deepEqual(report.failures, []);
      // GET and HEAD of three routes: 8 response schemas, 2 distinct.
      assert.equal(report.compiled, 8);
      assert.equal(report.serializers, 2);
      assert.deepEqual((await app.inject({ method: 'GET', url: '/a' })).json(), { id: 1, name: 'a' });
      assert.deepEqual((await app.inject({ method: 'GET', url: '/b' })).json(), { id: 2, name: 'b' });
      assert.deepEqual((await app.inject({ method: 'GET', url: '/c' })).json(), { id: '3' });
    } finally {
      await app.close();
    }
  });
});
