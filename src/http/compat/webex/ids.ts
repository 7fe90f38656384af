import { isUuid } from '../../../core/ids.js';

/** Kinds of Webex ids Roster hands out: people (agents and supervisors) and organizations. */
export type WebexIdType = 'PEOPLE' | 'ORGANIZATION';

const BASE64_RE = /^[A-Za-z0-9+/_-]+={0,2}$/;
const HYDRA_RE = /^ciscospark:\/\/[a-z0-9-]+\/([A-Z_]+)\/([0-9a-fA-F-]{36})$/;

/** Webex's base64 ("Hydra") form of a Roster id: base64url of `ciscospark://us/<TYPE>/<uuid>`, unpadded. */
export function toWebexId(type: WebexIdType, uuid: string): string {
  return Buffer.from(`ciscospark://us/${type}/${uuid.toLowerCase()}`, 'utf8').toString('base64url');
}

/**
 * The lower-case UUID named by a Webex id given in either form: a plain UUID, or the base64
 * (standard or url-safe, padded or not) of `ciscospark://<region>/<TYPE>/<uuid>`. Null when the
 * value is neither, or names another type.
 */
export function fromWebexId(value: string, type: WebexIdType): string | null {
  if (isUuid(value)) {
    return value.toLowerCase();
  }
  if (!BASE64_RE.test(value)) {
    return null;
  }
  const match = HYDRA_RE.exec(Buffer.from(value, 'base64').toString('utf8'));
  if (match === null || match[1] !== type || !isUuid(match[2] ?? '')) {
    return null;
  }
  return (match[2] ?? '').toLowerCase();
}
