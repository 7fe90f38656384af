import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { Response } from './http.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

interface OpenApiDoc {
  components?: { schemas?: Record<string, { title?: string; oneOf?: { $ref: string }[] }> };
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>
  >;
}

const pointerSegment = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * A vendor's published OpenAPI document, as the excerpt vendored under test/fixtures (each names
 * its source and version in `x-roster-source`), checking Roster's answers against the response
 * schemas the vendor documents for the operation.
 */
export class VendorSpec {
  private readonly id: string;
  private readonly doc: OpenApiDoc;
  private readonly ajv: Ajv;
  private readonly validators = new Map<string, ValidateFunction>();

  /**
   * `fixture`: the file under test/fixtures; `pathPrefix`: what Roster's path has before the
   * spec's. `oneOfAsAnyOf`: for a document whose `oneOf` variants overlap so that no value can
   * match exactly one (Dixa's, generated with the `_type` discriminator member left out of every
   * variant), read each `oneOf` as `anyOf`; `variantTitles` lets a test check `_type` instead.
   */
  constructor(
    fixture: string,
    private readonly pathPrefix = '',
    options: { oneOfAsAnyOf?: boolean } = {},
  ) {
    this.doc = JSON.parse(
      readFileSync(new URL(`./fixtures/${fixture}`, import.meta.url), 'utf8'),
    ) as OpenApiDoc;
    const schemaDoc = options.oneOfAsAnyOf ? renameKey(this.doc, 'oneOf', 'anyOf') : this.doc;
    // OpenAPI 3.0 schemas: `example` and `description` are annotations; no format is left unknown.
    this.ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
    this.ajv.addSchema(schemaDoc as object, fixture);
    this.id = fixture;
  }

  /** The titles of the variants of a `oneOf` component schema (the names Dixa puts in `_type`). */
  variantTitles(component: string): string[] {
    const variants = this.doc.components?.schemas?.[component]?.oneOf ?? [];
    return variants.map((v) => {
      const name = v.$ref.split('/').at(-1) ?? '';
      return this.doc.components?.schemas?.[name]?.title ?? name;
    });
  }

  /** The operations of the excerpt, as `METHOD /path` with Roster's path prefix. */
  operations(): string[] {
    return Object.entries(this.doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${this.pathPrefix}${path}`),
    );
  }

  /**
   * Asserts that the answer is one the vendor documents for `METHOD path` (the spec's path
   * template, e.g. `/beta/teams/{teamId}`): its status is a documented response, and its body
   * conforms to that response's JSON schema, or is empty when the spec documents none. `bodyAs`
   * names another operation whose schema (same status) the body must conform to instead: for an
   * answer that carries a body where the vendor documents none, as a deliberate choice.
   */
  check(method: string, path: string, res: Response, bodyAs?: { method: string; path: string }): void {
    const specPath = path.slice(this.pathPrefix.length);
    const operation = this.doc.paths[specPath]?.[method.toLowerCase()];
    assert.ok(operation, `${this.id} documents no ${method} ${specPath}`);
    const status = String(res.statusCode);
    const response = operation.responses[status];
    assert.ok(
      response,
      `${this.id}: ${method} ${specPath} documents no ${status} answer (${res.body.slice(0, 300)})`,
    );
    if (bodyAs !== undefined) {
      this.check(bodyAs.method, bodyAs.path, res);
      return;
    }
    if (response.content?.['application/json'] === undefined) {
      assert.equal(res.body, '', `${method} ${specPath} ${status}: the spec documents no body`);
      return;
    }
    const validate = this.validator(specPath, method.toLowerCase(), status);
    const body: unknown = res.json();
    if (!validate(body)) {
      assert.fail(
        `${method} ${path} ${status} does not conform to ${this.id}:\n${describe(validate.errors ?? [])}\n${res.body.slice(0, 600)}`,
      );
    }
  }

  private validator(path: string, method: string, status: string): ValidateFunction {
    const pointer = ['paths', path, method, 'responses', status, 'content', 'application/json', 'schema']
      .map(pointerSegment)
      .join('/');
    const key = `${this.id}#/${pointer}`;
    let validate = this.validators.get(key);
    if (validate === undefined) {
      validate = this.ajv.compile({ $ref: key });
      this.validators.set(key, validate);
    }
    return validate;
  }
}

function describe(errors: ErrorObject[]): string {
  return errors
    .map((e) => `  ${e.instancePath || '(root)'} ${e.message ?? ''} ${JSON.stringify(e.params)}`)
    .join('\n');
}

/** A deep copy of `value` with every object key `from` renamed `to`. */
function renameKey(value: unknown, from: string, to: string): unknown {
  if (Array.isArray(value)) {
    return value.map((v) => renameKey(v, from, to));
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k === from ? to : k, renameKey(v, from, to)]),
    );
  }
  return value;
}
