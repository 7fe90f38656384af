import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { getAgent, listAgents } from '../../../core/agents/agents.js';
import type { AgentRow } from '../../../db/schema.js';
import { webexErrors } from './errors.js';
import { toWebexId } from './ids.js';
import { personId, SECURED, setNextLink } from './paging.js';
import { presentPerson } from './presenters.js';
import { WEBEX_DEFAULT_PAGE, WEBEX_MAX_PAGE } from './schemas.js';

const tags = ['webex'];

/**
 * A Roster agent as a Webex person (People API): the fields SDK scripts read to find the ids they
 * assign as supervisors and agents. A disabled agent is `inactive`, an invited one `pending`.
 */
function presentWebexPerson(a: AgentRow) {
  const { phoneNumber, ...person } = presentPerson(a);
  return {
    ...person,
    emails: [a.email, ...a.additionalEmails],
    phoneNumbers: phoneNumber === undefined ? [] : [{ type: 'work', value: phoneNumber }],
    displayName: a.fullName,
    orgId: toWebexId('ORGANIZATION', a.orgId),
    created: a.createdAt.toISOString(),
    lastModified: a.updatedAt.toISOString(),
    status: a.presenceStatus === 'working' ? ('active' as const) : ('inactive' as const),
    // Webex's People schema types these as the strings "true" and "false", as its examples show.
    invitePending: String(a.status === 'invited') as 'true' | 'false',
    loginEnabled: String(a.status !== 'disabled') as 'true' | 'false',
    type: 'person' as const,
  };
}

const Person = Type.Object(
  {
    id: Type.String({ description: 'Webex base64 id of the person' }),
    emails: Type.Array(Type.String(), { description: 'Email addresses: the primary one first' }),
    phoneNumbers: Type.Array(
      Type.Object({ type: Type.String({ description: 'Always work' }), value: Type.String() }),
      { description: 'Phone numbers: the agent phone number, when it has one' },
    ),
    extension: Type.Optional(Type.String({ description: 'The agent attribute "extension", when set' })),
    displayName: Type.String({ description: 'Full name' }),
    firstName: Type.String({ description: 'First name' }),
    lastName: Type.String({ description: 'Last name' }),
    orgId: Type.String({ description: 'Webex base64 id of the org' }),
    created: Type.String({ format: 'date-time', description: 'When the agent was created' }),
    lastModified: Type.String({ format: 'date-time', description: 'When the agent last changed' }),
    status: Type.Enum(['active', 'inactive'], { description: 'active when the agent is available' }),
    invitePending: Type.Enum(['true', 'false'], {
      description: '"true" when the agent was invited and has not joined yet (a string, as Webex types it)',
    }),
    loginEnabled: Type.Enum(['true', 'false'], {
      description: '"false" for a disabled agent (a string, as Webex types it)',
    }),
    type: Type.Literal('person', { description: 'Always person' }),
  },
  { description: 'A Roster agent as a Webex person' },
);

const PeopleQuery = Type.Object({
  orgId: Type.Optional(
    Type.String({
      maxLength: 200,
      description: 'Org to act on, as a UUID or a Webex base64 ORGANIZATION id',
    }),
  ),
  email: Type.Optional(
    Type.String({ minLength: 1, maxLength: 320, description: 'Exact email address (case-insensitive)' }),
  ),
  displayName: Type.Optional(
    Type.String({ minLength: 1, maxLength: 255, description: 'Part of the full name or email' }),
  ),
  id: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'A person id (UUID or Webex base64 PEOPLE id)',
    }),
  ),
  start: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0, description: 'Offset of the first row' }),
  max: Type.Integer({
    minimum: 1,
    maximum: WEBEX_MAX_PAGE,
    default: WEBEX_DEFAULT_PAGE,
    description: `Most rows to return (at most ${WEBEX_MAX_PAGE})`,
  }),
});

/** Webex's People API, read-only: `GET /v1/people` and `GET /v1/people/{personId}`. */
export const webexPeopleRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'Webex: list people (agents), by email, name or id',
        security: SECURED,
        querystring: PeopleQuery,
        response: { 200: Type.Object({ items: Type.Array(Person) }), ...webexErrors(400, 401, 403, 404) },
      },
      config: { scope: 'agents:read' },
    },
    async (request, reply) => {
      const { email, displayName, id, start, max } = request.query;
      if (id !== undefined) {
        const uuid = personId(id, 'query.id');
        const found = await listAgents(
          request.ctx,
          { ids: [uuid], trashed: false },
          { skip: 0, limit: 1, afterId: null },
        );
        return { items: found.items.map(presentWebexPerson) };
      }
      const page = await listAgents(
        request.ctx,
        { email, q: displayName, trashed: false },
        { skip: start, limit: max, afterId: null },
      );
      setNextLink(request, reply, page);
      return { items: page.items.map(presentWebexPerson) };
    },
  );

  app.get(
    '/:personId',
    {
      schema: {
        tags,
        summary: 'Webex: get a person (agent)',
        security: SECURED,
        params: Type.Object({
          personId: Type.String({
            minLength: 1,
            maxLength: 200,
            description: 'UUID or Webex base64 PEOPLE id',
          }),
        }),
        querystring: Type.Object({ orgId: PeopleQuery.properties.orgId }),
        response: { 200: Person, ...webexErrors(400, 401, 403, 404) },
      },
      config: { scope: 'agents:read' },
    },
    async (request) =>
      presentWebexPerson(await getAgent(request.ctx, personId(request.params.personId, 'path.personId'))),
  );
};
