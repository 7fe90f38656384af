/** The PostgreSQL error behind a driver or Drizzle error, if there is one. */
function pgError(err: unknown): { code?: string; constraint?: string } | null {
  let current: unknown = err;
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    const candidate = current as Error & { code?: unknown; constraint?: unknown };
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) {
      return {
        code: candidate.code,
        constraint: typeof candidate.constraint === 'string' ? candidate.constraint : undefined,
      };
    }
    current = candidate.cause;
  }
  return null;
}

/** Name of the unique constraint or index a statement violated, or null for any other error. */
export function uniqueViolation(err: unknown): string | null {
  const pg = pgError(err);
  return pg?.code === '23505' ? (pg.constraint ?? '') : null;
}

/**
 * True for a transaction PostgreSQL aborted so that another could go on (deadlock detected,
 * serialization failure): running it again is the fix.
 */
export function isRetryableConflict(err: unknown): boolean {
  const code = pgError(err)?.code;
  return code === '40P01' || code === '40001';
}

/** Messages of the pg driver and pool when a connection is lost, closed or not obtained in time. */
const CONNECTION_MESSAGE =
  /Connection terminated|Client has encountered a connection error|Client was closed and is not queryable|timeout exceeded when trying to connect|Cannot use a pool after calling end/i;
/** Socket errors of a database that is down or unreachable. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
]);

/**
 * True when the database could not be reached or dropped the connection (PostgreSQL class 08,
 * 57P01-57P03, a terminated or refused socket, a pool that timed out): the request did not take
 * effect and may be retried once the database is back, so it is a 503, not a 500.
 */
export function isConnectionFailure(err: unknown): boolean {
  let current: unknown = err;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const candidate = current as Error & { code?: unknown };
    const code = typeof candidate.code === 'string' ? candidate.code : '';
    if (code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03') {
      return true;
    }
    if (SOCKET_CODES.has(code) || CONNECTION_MESSAGE.test(candidate.message)) {
      return true;
    }
    if (candidate instanceof AggregateError && candidate.errors.some((e) => isConnectionFailure(e))) {
      return true;
    }
    current = candidate.cause;
  }
  return false;
}
