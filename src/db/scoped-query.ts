import pg from 'pg';

/**
 * One statement run under an org's scope in a single round trip and a single implicit
 * transaction, with no BEGIN and no COMMIT.
 *
 * PostgreSQL's extended query protocol runs every message up to a Sync in one implicit
 * transaction, and commits it (or, after an error, rolls it back) only at the Sync. So the
 * scope is set by executing a prepared `set_config(..., true)` (transaction-local) with no Sync
 * of its own, then the statement is parsed, bound and executed with its Sync, as pg sends any
 * statement: the two share one transaction, and the scope ends with it, whatever happens.
 * Had the statement failed, its error aborts the transaction and the Sync rolls it back; had
 * the scope failed, the statement is skipped. libpq's pipeline mode relies on the same rule.
 *
 * node-postgres gives no way to leave out a Sync, so this is a `pg.Query` that writes the
 * scope's Bind and Execute before its own messages, and swallows the scope's CommandComplete (it
 * returns no row, so there is nothing else to swallow). The responses of both arrive before the
 * one ReadyForQuery, which ends the query as usual.
 */

/** The scope statements, prepared once per connection (`prepareScope`). They return no row. */
const SCOPE_STATEMENT = 'roster_scope';
const SCOPE_SQL = "SELECT WHERE set_config('roster.org_id', $1, true) IS NULL";
/** The platform's: the scope and, for the same transaction, the platform role (platform-role.ts). */
const PLATFORM_STATEMENT = 'roster_scope_platform';
const PLATFORM_SQL =
  "SELECT WHERE set_config('role', $2, true) || set_config('roster.org_id', $1, true) IS NULL";

/** What of pg's protocol writer this uses (pg's Connection; not in its published types). */
interface Wire {
  bind(config: { statement: string; values: unknown[] }): void;
  execute(config: { portal: string }): void;
  stream: { cork?: () => void; uncork?: () => void; destroy: (err?: Error) => void };
  parsedStatements: Record<string, string | undefined>;
  submittedNamedStatements: Record<string, string | undefined>;
}

type QueryConfig = { text: string } & Record<string, unknown>;

/** The statement that sets `scope` (and, given, the platform `role`) for its transaction. */
function scopeStatement(scope: string, role: string | undefined) {
  return role === undefined
    ? { name: SCOPE_STATEMENT, text: SCOPE_SQL, values: [scope] }
    : { name: PLATFORM_STATEMENT, text: PLATFORM_SQL, values: [scope, role] };
}

/** The scope statements each connection has prepared, by name. */
const prepared = new WeakMap<pg.ClientBase, Set<string>>();

/**
 * Prepares the statement that sets `scope` (with `role`, the platform's) on `client` once (a
 * round trip the first time a connection is used). Executing it sets nothing that lasts: its
 * transaction ends with its own Sync.
 */
export async function prepareScope(client: pg.ClientBase, scope: string, role?: string): Promise<void> {
  const statement = scopeStatement(scope, role);
  const names = prepared.get(client) ?? new Set<string>();
  if (!names.has(statement.name)) {
    await client.query(statement);
    names.add(statement.name);
    prepared.set(client, names);
  }
}

// pg's Query, with the hooks this overrides typed (they are not in its published types).
const PgQuery = pg.Query as unknown as new (
  config: Record<string, unknown>,
) => {
  readonly name?: string;
  readonly text?: string;
  submit(connection: Wire): Error | null | undefined;
  handleCommandComplete(message: unknown, connection: Wire): void;
};

class ScopedQuery extends PgQuery {
  readonly #scope: { statement: string; values: unknown[] };
  #scopeDone = false;

  constructor(scope: { statement: string; values: unknown[] }, config: Record<string, unknown>) {
    super(config);
    this.#scope = scope;
  }

  override submit(connection: Wire): Error | null | undefined {
    // pg refuses a query before writing anything in these cases; here the scope would already
    // be on the wire, so they are checked first (values are checked by queryScoped).
    const { name, text } = this;
    const previous = name
      ? (connection.parsedStatements[name] ?? connection.submittedNamedStatements[name])
      : undefined;
    if (typeof text !== 'string' || (previous !== undefined && previous !== text)) {
      return new Error(`not a statement to scope: ${name ?? '(unnamed)'}`);
    }
    connection.stream.cork?.();
    try {
      connection.bind(this.#scope);
      connection.execute({ portal: '' });
      const refused = super.submit(connection);
      if (refused instanceof Error) {
        // Never let the scope's open transaction meet the next statement: close the connection
        // (the server rolls it back; the pool discards the client).
        connection.stream.destroy(refused);
      }
      return refused;
    } finally {
      connection.stream.uncork?.();
    }
  }

  override handleCommandComplete(message: unknown, connection: Wire): void {
    if (!this.#scopeDone) {
      this.#scopeDone = true;
      return;
    }
    super.handleCommandComplete(message, connection);
  }
}

/**
 * Runs `config` (one statement, as Drizzle sends it) on `client` under `scope` (and, given, as
 * the platform `role`), in one round trip. The client must have been through `prepareScope`
 * with the same role.
 */
export function queryScoped(
  client: pg.ClientBase,
  scope: string,
  config: QueryConfig | string,
  values: unknown[] | undefined,
  role?: string,
): Promise<pg.QueryResult> {
  const base = typeof config === 'string' ? { text: config } : config;
  if (base.rows !== undefined || base.portal !== undefined) {
    // A cursor would leave its transaction open between round trips: never here.
    return Promise.reject(new Error('a scoped statement reads all its rows at once'));
  }
  if (values !== undefined && !Array.isArray(values)) {
    return Promise.reject(new Error('query values must be an array'));
  }
  return new Promise((resolve, reject) => {
    const { name, values: scopeValues } = scopeStatement(scope, role);
    const query = new ScopedQuery(
      { statement: name, values: scopeValues },
      {
        ...base,
        ...(values === undefined ? {} : { values }),
        // Always the extended protocol, even with no parameters: a simple Query message would
        // carry a Sync of its own and could hold several statements.
        queryMode: 'extended',
        callback: (err: Error | null, result: pg.QueryResult) => (err ? reject(err) : resolve(result)),
      },
    );
    client.query(query as unknown as pg.Submittable);
  });
}
