import { type DomainError, ERRORS, found } from './errors.js';

/** A write's precondition: the version its caller last read (HTTP `If-Match`). */
export interface IfVersion {
  /** Refuse the write unless the row is still at one of these versions; absent: no check. */
  ifVersion?: readonly number[];
}

/**
 * Checks the caller's version against the row's, with the row locked for the rest of the
 * transaction: of concurrent writes holding one version, the first wins and the others fail.
 * @throws the given not-found error; precondition_failed.
 */
export async function assertVersion(
  lock: () => Promise<number | null>,
  expected: IfVersion,
  what: string,
  notFound: () => DomainError,
): Promise<void> {
  if (expected.ifVersion === undefined) {
    return;
  }
  const version = found(await lock(), notFound);
  if (!expected.ifVersion.includes(version)) {
    throw ERRORS.preconditionFailed(what, version);
  }
}
