import type { ScimGroup, ScimGroupState } from '../../core/scim/scim-groups.js';
import { scimError } from './errors.js';
import { GROUP_SCHEMA } from './schemas-urn.js';
import { etagOf, type Json } from './users.js';

/** The SCIM Group of a team; `members` left out when they were not read. */
export function toScimGroup(group: ScimGroup, location: string, userBase: string): Json {
  const { team } = group;
  return {
    schemas: [GROUP_SCHEMA],
    id: team.id,
    ...(team.externalId === null ? {} : { externalId: team.externalId }),
    displayName: team.name,
    ...(group.members === null
      ? {}
      : {
          members: group.members.map((m) => ({
            value: m.id,
            display: m.fullName,
            type: 'User',
            $ref: `${userBase}/${m.id}`,
          })),
        }),
    meta: {
      resourceType: 'Group',
      created: team.createdAt.toISOString(),
      lastModified: team.updatedAt.toISOString(),
      location,
      version: etagOf(team.version),
    },
  };
}

/** What a SCIM Group body (created, replaced or patched) says the team is. @throws invalidValue. */
export function fromScimGroup(body: Json): ScimGroupState {
  const name = body.displayName;
  if (typeof name !== 'string' || name.trim() === '') {
    throw scimError('invalidValue', 'displayName is required');
  }
  if (name.trim().length > 255) {
    throw scimError('invalidValue', 'displayName must be at most 255 characters');
  }
  const externalId = body.externalId;
  if (
    externalId !== undefined &&
    externalId !== null &&
    (typeof externalId !== 'string' || externalId.length > 255)
  ) {
    throw scimError('invalidValue', 'externalId must be a string of at most 255 characters');
  }
  const members = body.members ?? [];
  if (!Array.isArray(members)) {
    throw scimError('invalidValue', 'members must be an array');
  }
  const memberIds = members.map((m, i) => {
    const value = (m as Json | null)?.value;
    if (typeof value !== 'string' || value === '') {
      throw scimError('invalidValue', `members[${i}].value must be the id of a user`);
    }
    return value;
  });
  return {
    name: name.trim(),
    externalId: typeof externalId === 'string' && externalId !== '' ? externalId : null,
    memberIds,
  };
}
