/** Schema URNs and resource names of Roster's SCIM dialect. */
export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const ENTERPRISE_SCHEMA = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
/** Roster's own extension: the agent's role and capacity. */
export const ROSTER_SCHEMA = 'urn:roster:params:scim:schemas:extension:roster:2.0:User';
export const LIST_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
export const PATCH_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

/** Most resources one list answers with (advertised as filter.maxResults); also the default count. */
export const MAX_RESULTS = 200;
export const DEFAULT_COUNT = 100;
