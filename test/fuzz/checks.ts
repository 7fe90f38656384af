import type { ValidateFunction } from 'ajv/dist/2020.js';
import { errorSchemaOf, type Operation, type Schema } from './openapi.js';
import { type FuzzRequest, newAjv } from './requests.js';

/** What the fuzzer checks of every response. */
export type CheckName =
  /** Never a 5xx. */
  | 'no-5xx'
  /** The status is one the operation documents. */
  | 'documented-status'
  /** The body matches the documented schema of its status (204: no body). */
  | 'schema'
  /** A request the schemas forbid gets a 4xx in the dialect's error shape. */
  | 'invalid-4xx';

/**
 * Known bugs in src, each excusing exactly one check for one operation and status. Remove an
 * entry once the bug is fixed: the fuzz test then guards the fix.
 */
export interface KnownBug {
  /** The operations it affects (`METHOD /path`). */
  operations: string[] | '*';
  status: number;
  check: CheckName;
  /** Narrows the excuse to the requests that trigger the bug. */
  when?: (request: FuzzRequest) => boolean;
  bug: string;
}

export interface ResponseLike {
  statusCode: number;
  headers: Record<string, unknown>;
  body: string;
}

export interface Violation {
  check: CheckName;
  message: string;
}

/** Which operations each known bug excused a check of, in this run. */
export const excusals = new Map<KnownBug, Set<string>>();

/** Checks responses of one operation against its documented responses. */
export class ResponseChecker {
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly ajv = newAjv(false);

  constructor(
    private readonly op: Operation,
    private readonly knownBugs: KnownBug[],
  ) {}

  private validator(schema: Schema): ValidateFunction {
    const key = JSON.stringify(schema);
    let validate = this.validators.get(key);
    if (validate === undefined) {
      validate = this.ajv.compile(schema);
      this.validators.set(key, validate);
    }
    return validate;
  }

  private excused(check: CheckName, status: number, request: FuzzRequest): boolean {
    const bug = this.knownBugs.find(
      (b) =>
        (b.operations === '*' || b.operations.includes(this.op.id)) &&
        b.status === status &&
        b.check === check &&
        (b.when === undefined || b.when(request)),
    );
    if (bug !== undefined) {
      const ops = excusals.get(bug) ?? new Set<string>();
      ops.add(this.op.id);
      excusals.set(bug, ops);
    }
    return bug !== undefined;
  }

  /** The violations of this response, known bugs left out. */
  check(request: FuzzRequest, res: ResponseLike, { streamed = false } = {}): Violation[] {
    const found: Violation[] = [];
    const status = res.statusCode;
    const fail = (check: CheckName, message: string) => {
      if (!this.excused(check, status, request)) {
        found.push({ check, message });
      }
    };
    if (status >= 500) {
      fail('no-5xx', `answered ${status}`);
    }
    const documented = this.op.responses.get(status);
    if (documented === undefined) {
      fail('documented-status', `answered ${status}, which the operation does not document`);
    }
    const json = this.parse(res);
    if (streamed) {
      if (!String(res.headers['content-type']).startsWith('text/event-stream')) {
        fail('schema', `a ${status} stream is not text/event-stream`);
      }
    } else if (status === 204) {
      if (res.body !== '') {
        fail('schema', '204 with a body');
      }
    } else if (documented?.schema && String(res.headers['content-type']).startsWith('application/x-ndjson')) {
      // A stream of JSON lines (the audit log's export): every line matches the schema.
      const schema = documented.schema;
      for (const line of res.body.split('\n').filter((l) => l.trim() !== '')) {
        this.match(schema, this.parse({ ...res, body: line }), res, (message) => fail('schema', message));
      }
    } else if (documented?.schema) {
      this.match(documented.schema, json, res, (message) => fail('schema', message));
    }
    if (request.invalid !== null) {
      if (status < 400 || status >= 500) {
        fail('invalid-4xx', `a request the schemas forbid (${request.invalid}) got ${status}`);
      } else {
        const shape = errorSchemaOf(this.op, status);
        if (shape === null) {
          fail('invalid-4xx', 'the operation documents no error shape');
        } else if (documented === undefined || !documented.schema) {
          // Undocumented 4xx: still the dialect's error shape.
          this.match(shape, json, res, (message) => fail('invalid-4xx', `error shape: ${message}`));
        }
      }
    }
    return found;
  }

  private parse(res: ResponseLike): { ok: true; value: unknown } | { ok: false } {
    try {
      return { ok: true, value: JSON.parse(res.body) };
    } catch {
      return { ok: false };
    }
  }

  private match(
    schema: Schema,
    json: { ok: true; value: unknown } | { ok: false },
    res: ResponseLike,
    fail: (message: string) => void,
  ): void {
    if (!json.ok) {
      fail(`body is not JSON: ${res.body.slice(0, 200)}`);
      return;
    }
    const validate = this.validator(schema);
    if (!validate(json.value)) {
      fail(`body does not match the documented schema: ${this.ajv.errorsText(validate.errors)}`);
      return;
    }
    // Error bodies that echo the status or the request id must echo them right.
    const body = json.value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, unknown>;
    if (res.statusCode >= 400 && body !== null && typeof body === 'object') {
      const status = properties.status as Schema | undefined;
      if (status?.type === 'integer' && body.status !== undefined && body.status !== res.statusCode) {
        fail(`body.status ${String(body.status)} is not the HTTP status`);
      }
      for (const member of ['request_id', 'trackingId']) {
        if (member in properties && body[member] !== res.headers['x-request-id']) {
          fail(`body.${member} is not the X-Request-Id`);
        }
      }
      if ('success' in properties && body.success !== false) {
        fail('an error body with success other than false');
      }
    }
  }
}
