/** The operations of an OpenAPI 3.1 document, with every `$ref` inlined, as the fuzzer uses them. */

export type Schema = Record<string, unknown>;

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  /** Required and without a default (a default fills a missing value before validation). */
  required: boolean;
  schema: Schema;
}

export interface DocumentedResponse {
  /** Schema of the JSON body; null when the response has no body (204) or no schema. */
  schema: Schema | null;
  /** The media types documented for it. */
  contentTypes: string[];
}

/** How one security scheme carries the key: a header and what precedes the key in it. */
export interface Credential {
  header: string;
  prefix: string;
  /** The key's secret, or the id of the agent the key is bound to (Rocket.Chat's X-User-Id). */
  value: 'secret' | 'userId';
}

export interface Operation {
  /** `METHOD /path` as the document spells it, e.g. `GET /v1/agents/{id}`. */
  id: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  parameters: Parameter[];
  /** `required`: false when the document says the body may be left out. */
  body: { schema: Schema; contentTypes: string[]; required: boolean } | null;
  responses: Map<number, DocumentedResponse>;
  /** Headers carrying the credentials, from the operation's first security requirement. */
  credentials: Credential[];
  /** The success is an endless text/event-stream (checked over a socket). */
  stream: boolean;
}

interface Document {
  paths: Record<string, Record<string, RawOperation>>;
  components?: { schemas?: Record<string, Schema>; securitySchemes?: Record<string, Schema> };
}

interface RawOperation {
  parameters?: { name: string; in: string; required?: boolean; schema?: Schema }[];
  requestBody?: { content: Record<string, { schema?: Schema }>; required?: boolean };
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
  security?: Record<string, string[]>[];
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** A copy of `schema` with every `#/components/schemas/X` reference replaced by X itself. */
export function inline(schema: unknown, components: Record<string, Schema>, depth = 0): unknown {
  if (depth > 50) {
    throw new Error('recursive schema: the fuzzer does not expand recursive $refs');
  }
  if (Array.isArray(schema)) {
    return schema.map((s) => inline(s, components, depth));
  }
  if (schema === null || typeof schema !== 'object') {
    return schema;
  }
  const { $ref, ...rest } = schema as Schema;
  if (typeof $ref === 'string') {
    const name = /^#\/components\/schemas\/(.+)$/.exec($ref)?.[1];
    const target = name === undefined ? undefined : components[name];
    if (target === undefined) {
      throw new Error(`unresolvable $ref ${$ref}`);
    }
    return { ...(inline(target, components, depth + 1) as Schema), ...rest };
  }
  const out: Schema = {};
  for (const [key, value] of Object.entries(rest)) {
    // Examples and defaults are data, not schemas.
    out[key] =
      key === 'example' || key === 'examples' || key === 'default' ? value : inline(value, components, depth);
  }
  return out;
}

function credentialsOf(doc: Document, op: RawOperation): Credential[] {
  const requirement = op.security?.[0] ?? {};
  return Object.keys(requirement).map((name) => {
    const scheme = doc.components?.securitySchemes?.[name];
    if (scheme?.type === 'http' && String(scheme.scheme).toLowerCase() === 'bearer') {
      return { header: 'authorization', prefix: 'Bearer ', value: 'secret' };
    }
    if (scheme?.type === 'apiKey' && scheme.in === 'header' && typeof scheme.name === 'string') {
      const userId = /user-?id/i.test(scheme.name);
      return { header: scheme.name.toLowerCase(), prefix: '', value: userId ? 'userId' : 'secret' };
    }
    throw new Error(`security scheme ${name} is not one the fuzzer knows how to send`);
  });
}

/** Every operation of the document, in document order. */
export function operationsOf(document: unknown): Operation[] {
  const doc = document as Document;
  const components = doc.components?.schemas ?? {};
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const raw = item[method];
      if (raw === undefined) {
        continue;
      }
      const parameters: Parameter[] = (raw.parameters ?? []).map((p) => {
        const schema = inline(p.schema ?? {}, components) as Schema;
        return {
          name: p.name,
          in: p.in as Parameter['in'],
          required: p.in === 'path' || (p.required === true && !('default' in schema)),
          schema,
        };
      });
      const content = raw.requestBody?.content;
      const body =
        content === undefined
          ? null
          : {
              schema: inline(Object.values(content)[0]?.schema ?? {}, components) as Schema,
              contentTypes: Object.keys(content),
              required: raw.requestBody?.required !== false,
            };
      const responses = new Map<number, DocumentedResponse>();
      let stream = false;
      for (const [status, response] of Object.entries(raw.responses ?? {})) {
        const types = Object.keys(response.content ?? {});
        const json = types.find((t) => /json/.test(t));
        const schema = json === undefined ? undefined : response.content?.[json]?.schema;
        if (types.includes('text/event-stream')) {
          stream = true;
        }
        responses.set(Number(status), {
          schema: schema === undefined ? null : (inline(schema, components) as Schema),
          contentTypes: types,
        });
      }
      operations.push({
        id: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase() as Operation['method'],
        path,
        parameters,
        body,
        responses,
        credentials: credentialsOf(doc, raw),
        stream,
      });
    }
  }
  return operations;
}

/** The schema a 4xx of the operation answers with: the documented one, else its 400's (the dialect's). */
export function errorSchemaOf(op: Operation, status: number): Schema | null {
  const own = op.responses.get(status)?.schema;
  if (own) {
    return own;
  }
  for (const [code, response] of [...op.responses].sort(([a], [b]) => a - b)) {
    if (code >= 400 && code < 500 && response.schema) {
      return response.schema;
    }
  }
  return null;
}
