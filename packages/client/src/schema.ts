// Generated from openapi.json by scripts/generate-client.ts (npm run openapi:export). Do not edit.

export interface paths {
    "/api/v1/livechat/agent.status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set the caller's livechat status, or another agent's (manage-livechat-agents) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        /** @description Agent to set (manage-livechat-agents); absent: the caller */
                        agentId?: string;
                        /**
                         * @description The new status; absent: the other one
                         * @enum {unknown}
                         */
                        status?: "available" | "not-available";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description The status of the agent now
                             * @enum {unknown}
                             */
                            status: "available" | "not-available";
                            /**
                             * @description Always true
                             * @enum {boolean}
                             */
                            success: true;
                        };
                    };
                };
                /** @description Rocket.Chat failure body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
                /** @description Rocket.Chat answer to a request without valid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatUnauthorized"];
                    };
                };
                /** @description Rocket.Chat failure body */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
                /** @description Rocket.Chat failure body */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
                /** @description Rocket.Chat failure body */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
                /** @description Rocket.Chat failure body */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
                /** @description Rocket.Chat failure body */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/livechat/agents/{agentId}/departments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The departments an agent belongs to, as department-agent records (none when unknown) */
        get: {
            parameters: {
                query?: {
                    /** @description "true": enabled, not archived departments only */
                    enabledDepartmentsOnly?: string;
                };
                header?: never;
                path: {
                    /** @description The agent id */
                    agentId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            departments: {
                                /** @description Id of the link: department id and agent id */
                                _id: string;
                                /**
                                 * Format: date-time
                                 * @description When the agent joined the department
                                 */
                                _updatedAt: string;
                                /** @description The agent id */
                                agentId: string;
                                /** @description Open chats of this department assigned to the agent */
                                count: number;
                                /** @description The department is enabled and not archived */
                                departmentEnabled: boolean;
                                /** @description The department id */
                                departmentId: string;
                                departmentName: string;
                                /** @description Place of the agent in the department: lower first */
                                order: number;
                                /** @description The agent's username, its email when it has none */
                                username: string;
                            }[];
                            /** @enum {boolean} */
                            success: true;
                        };
                    };
                };
                /** @description Rocket.Chat failure body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
                /** @description Rocket.Chat answer to a request without valid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatUnauthorized"];
                    };
                };
                /** @description Rocket.Chat failure body */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
                /** @description Rocket.Chat failure body */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/livechat/department": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List departments, by name unless sorted otherwise (archived ones with showArchived=true) */
        get: {
            parameters: {
                query?: {
                    /** @description Most rows to return: 0 or absent is 50, more than 100 reads 100 */
                    count?: number;
                    /** @description "true": enabled departments only ("true" or "false") */
                    enabled?: string;
                    /** @description Number of rows to skip */
                    offset?: number;
                    /** @description "true": archived departments too ("true" or "false") */
                    showArchived?: string;
                    /** @description Sort as a JSON object of field to 1 (ascending) or -1, e.g. {"name":1} */
                    sort?: string;
                    /** @description Part of the name, any case */
                    text?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Rows in this page */
                            count: number;
                            /** @description One page of departments */
                            departments: {
                                /** @description The department id (the Roster team id) */
                                _id: string;
                                /**
                                 * Format: date-time
                                 * @description Last change
                                 */
                                _updatedAt: string;
                                /** @description Archived */
                                archived: boolean;
                                /** @description Always empty */
                                chatClosingTags: string[];
                                /** @description Always empty: any department may receive forwarded chats */
                                departmentsAllowedToForward: string[];
                                /** @description Description ("" when none) */
                                description: string;
                                /** @description Contact address ("" when none) */
                                email: string;
                                /** @description A disabled department takes no new chats */
                                enabled: boolean;
                                /** @description Always "": none */
                                fallbackForwardDepartment: string;
                                /** @description Capacity of agents that set none of their own; 0: the org's default applies */
                                maxNumberSimultaneousChat: number;
                                /** @description Name */
                                name: string;
                                /** @description Number of agents */
                                numAgents: number;
                                /** @description Always "": Roster routes no offline messages */
                                offlineMessageChannelName: string;
                                /** @description Always false: Roster does not close chats */
                                requestTagBeforeClosingChat: boolean;
                                /** @description Offered on the offline form */
                                showOnOfflineForm: boolean;
                                /** @description Offered on the registration form */
                                showOnRegistration: boolean;
                            }[];
                            /** @description Rows skipped */
                            offset: number;
                            /**
                             * @description Always true
                             * @enum {boolean}
                             */
                            success: true;
                            /** @description Rows matching in all */
                            total: number;
                        };
                    };
                };
                /** @description Rocket.Chat failure body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
                /** @description Rocket.Chat answer to a request without valid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatUnauthorized"];
                    };
                };
                /** @description Rocket.Chat failure body */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
                /** @description Rocket.Chat failure body */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
            };
        };
        put?: never;
        /** Create a department (a team), optionally with agents */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Agents to add, or whose order to change */
                        agents?: {
                            /**
                             * Format: uuid
                             * @description The agent id (a Roster agent id)
                             */
                            agentId: string;
                            /** @description Accepted and ignored: Roster counts chats itself */
                            count?: number;
                            /** @description Place of the agent in the department, lower first (kept as the member priority) */
                            order?: number;
                            /** @description Username; accepted, the agent id decides */
                            username?: string;
                        }[];
                        /** @description Department fields; other Rocket.Chat fields are accepted and ignored */
                        department: {
                            /** @description Description */
                            description?: string;
                            /** @description Contact address ("" for none) */
                            email: string;
                            /** @description Takes new chats */
                            enabled: boolean;
                            /** @description Capacity of agents that set none of their own (0 to 1000); 0, "" or null: the org's default */
                            maxNumberSimultaneousChat?: number | string | null;
                            /** @description Name, unique in the org (any case) */
                            name: string;
                            /** @description Offered on the offline form */
                            showOnOfflineForm: boolean;
                            /** @description Offered on the registration form */
                            showOnRegistration: boolean;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Every agent of the department */
                            agents: {
                                /** @description Id of the link: department id and agent id */
                                _id: string;
                                /**
                                 * Format: date-time
                                 * @description When the agent joined the department
                                 */
                                _updatedAt: string;
                                /** @description The agent id */
                                agentId: string;
                                /** @description Open chats of this department assigned to the agent */
                                count: number;
                                /** @description The department is enabled and not archived */
                                departmentEnabled: boolean;
                                /** @description The department id */
                                departmentId: string;
                                /** @description Place of the agent in the department: lower first */
                                order: number;
                                /** @description The agent's username, its email when it has none */
                                username: string;
                            }[];
                            /** @description A department: a Roster team */
                            department: {
                                /** @description The department id (the Roster team id) */
                                _id: string;
                                /**
                                 * Format: date-time
                                 * @description Last change
                                 */
                                _updatedAt: string;
                                /** @description Archived */
                                archived: boolean;
                                /** @description Always empty */
                                chatClosingTags: string[];
                                /** @description Always empty: any department may receive forwarded chats */
                                departmentsAllowedToForward: string[];
                                /** @description Description ("" when none) */
                                description: string;
                                /** @description Contact address ("" when none) */
                                email: string;
                                /** @description A disabled department takes no new chats */
                                enabled: boolean;
                                /** @description Always "": none */
                                fallbackForwardDepartment: string;
                                /** @description Capacity of agents that set none of their own; 0: the org's default applies */
                                maxNumberSimultaneousChat: number;
                                /** @description Name */
                                name: string;
                                /** @description Number of agents */
                                numAgents: number;
                                /** @description Always "": Roster routes no offline messages */
                                offlineMessageChannelName: string;
                                /** @description Always false: Roster does not close chats */
                                requestTagBeforeClosingChat: boolean;
                                /** @description Offered on the offline form */
                                showOnOfflineForm: boolean;
                                /** @description Offered on the registration form */
                                showOnRegistration: boolean;
                            };
                            /**
                             * @description Always true
                             * @enum {boolean}
                             */
                            success: true;
                        };
                    };
                };
                /** @description Rocket.Chat failure body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
                /** @description Rocket.Chat answer to a request without valid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatUnauthorized"];
                    };
                };
                /** @description Rocket.Chat failure body */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
                /** @description Rocket.Chat failure body */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
                /** @description Rocket.Chat failure body */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
                /** @description Rocket.Chat failure body */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/livechat/department.autocomplete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Departments whose name contains the term, for pickers (at most 10) */
        get: {
            parameters: {
                query: {
                    /** @description Accepted and ignored */
                    onlyMyDepartments?: string;
                    /** @description JSON: {"term": text to match, "exceptions": ids to leave out} */
                    selector: string;
                    /** @description "true": archived ones too */
                    showArchived?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description The department id (the Roster team id) */
                                _id: string;
                                /**
                                 * Format: date-time
                                 * @description Last change
                                 */
                                _updatedAt: string;
                                /** @description Archived */
                                archived: boolean;
                                /** @description Always empty */
                                chatClosingTags: string[];
                                /** @description Always empty: any department may receive forwarded chats */
                                departmentsAllowedToForward: string[];
                                /** @description Description ("" when none) */
                                description: string;
                                /** @description Contact address ("" when none) */
                                email: string;
                                /** @description A disabled department takes no new chats */
                                enabled: boolean;
                                /** @description Always "": none */
                                fallbackForwardDepartment: string;
                                /** @description Capacity of agents that set none of their own; 0: the org's default applies */
                                maxNumberSimultaneousChat: number;
                                /** @description Name */
                                name: string;
                                /** @description Number of agents */
                                numAgents: number;
                                /** @description Always "": Roster routes no offline messages */
                                offlineMessageChannelName: string;
                                /** @description Always false: Roster does not close chats */
                                requestTagBeforeClosingChat: boolean;
                                /** @description Offered on the offline form */
                                showOnOfflineForm: boolean;
                                /** @description Offered on the registration form */
                                showOnRegistration: boolean;
                            }[];
                            /** @enum {boolean} */
                            success: true;
                            total: number;
                        };
                    };
                };
                /** @description Rocket.Chat failure body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
                /** @description Rocket.Chat answer to a request without valid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatUnauthorized"];
                    };
                };
                /** @description Rocket.Chat failure body */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
                /** @description Rocket.Chat failure body */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/livechat/department.listByIds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The departments of the given ids (unknown ids are left out) */
        get: {
            parameters: {
                query: {
                    /** @description Accepted; every field is returned */
                    fields?: string;
                    /** @description Department ids (ids=a&ids=b or ids[]=a), at most 100 */
                    ids: string[];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            departments: {
                                /** @description The department id (the Roster team id) */
                                _id: string;
                                /**
                                 * Format: date-time
                                 * @description Last change
                                 */
                                _updatedAt: string;
                                /** @description Archived */
                                archived: boolean;
                                /** @description Always empty */
                                chatClosingTags: string[];
                                /** @description Always empty: any department may receive forwarded chats */
                                departmentsAllowedToForward: string[];
                                /** @description Description ("" when none) */
                                description: string;
                                /** @description Contact address ("" when none) */
                                email: string;
                                /** @description A disabled department takes no new chats */
                                enabled: boolean;
                                /** @description Always "": none */
                                fallbackForwardDepartment: string;
                                /** @description Capacity of agents that set none of their own; 0: the org's default applies */
                                maxNumberSimultaneousChat: number;
                                /** @description Name */
                                name: string;
                                /** @description Number of agents */
                                numAgents: number;
                                /** @description Always "": Roster routes no offline messages */
                                offlineMessageChannelName: string;
                                /** @description Always false: Roster does not close chats */
                                requestTagBeforeClosingChat: boolean;
                                /** @description Offered on the offline form */
                                showOnOfflineForm: boolean;
                                /** @description Offered on the registration form */
                                showOnRegistration: boolean;
                            }[];
                            /** @enum {boolean} */
                            success: true;
                        };
                    };
                };
                /** @description Rocket.Chat failure body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
                /** @description Rocket.Chat answer to a request without valid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatUnauthorized"];
                    };
                };
                /** @description Rocket.Chat failure body */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
                /** @description Rocket.Chat failure body */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/livechat/department/{_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a department, and its agents with includeAgents=true; department is null when unknown */
        get: {
            parameters: {
                query?: {
                    /** @description "true": also return the agents of the department ("true" or "false") */
                    includeAgents?: string;
                };
                header?: never;
                path: {
                    /** @description The department id (a Roster team id) */
                    _id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Its agents, with includeAgents=true */
                            agents?: {
                                /** @description Id of the link: department id and agent id */
                                _id: string;
                                /**
                                 * Format: date-time
                                 * @description When the agent joined the department
                                 */
                                _updatedAt: string;
                                /** @description The agent id */
                                agentId: string;
                                /** @description Open chats of this department assigned to the agent */
                                count: number;
                                /** @description The department is enabled and not archived */
                                departmentEnabled: boolean;
                                /** @description The department id */
                                departmentId: string;
                                /** @description Place of the agent in the department: lower first */
                                order: number;
                                /** @description The agent's username, its email when it has none */
                                username: string;
                            }[];
                            /** @description The department; null when unknown */
                            department: {
                                /** @description The department id (the Roster team id) */
                                _id: string;
                                /**
                                 * Format: date-time
                                 * @description Last change
                                 */
                                _updatedAt: string;
                                /** @description Archived */
                                archived: boolean;
                                /** @description Always empty */
                                chatClosingTags: string[];
                                /** @description Always empty: any department may receive forwarded chats */
                                departmentsAllowedToForward: string[];
                                /** @description Description ("" when none) */
                                description: string;
                                /** @description Contact address ("" when none) */
                                email: string;
                                /** @description A disabled department takes no new chats */
                                enabled: boolean;
                                /** @description Always "": none */
                                fallbackForwardDepartment: string;
                                /** @description Capacity of agents that set none of their own; 0: the org's default applies */
                                maxNumberSimultaneousChat: number;
                                /** @description Name */
                                name: string;
                                /** @description Number of agents */
                                numAgents: number;
                                /** @description Always "": Roster routes no offline messages */
                                offlineMessageChannelName: string;
                                /** @description Always false: Roster does not close chats */
                                requestTagBeforeClosingChat: boolean;
                                /** @description Offered on the offline form */
                                showOnOfflineForm: boolean;
                                /** @description Offered on the registration form */
                                showOnRegistration: boolean;
                            } | null;
                            /**
                             * @description Always true
                             * @enum {boolean}
                             */
                            success: true;
                        };
                    };
                };
                /** @description Rocket.Chat failure body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
                /** @description Rocket.Chat answer to a request without valid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatUnauthorized"];
                    };
                };
                /** @description Rocket.Chat failure body */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
                /** @description Rocket.Chat failure body */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
            };
        };
        /** Update a department (manage-livechat-departments) and add or reorder its agents (add-livechat-department-agents) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The department id (a Roster team id) */
                    _id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Agents to add, or whose order to change */
                        agents?: {
                            /**
                             * Format: uuid
                             * @description The agent id (a Roster agent id)
                             */
                            agentId: string;
                            /** @description Accepted and ignored: Roster counts chats itself */
                            count?: number;
                            /** @description Place of the agent in the department, lower first (kept as the member priority) */
                            order?: number;
                            /** @description Username; accepted, the agent id decides */
                            username?: string;
                        }[];
                        /** @description Department fields; other Rocket.Chat fields are accepted and ignored */
                        department: {
                            /** @description Description */
                            description?: string;
                            /** @description Contact address ("" for none) */
                            email: string;
                            /** @description Takes new chats */
                            enabled: boolean;
                            /** @description Capacity of agents that set none of their own (0 to 1000); 0, "" or null: the org's default */
                            maxNumberSimultaneousChat?: number | string | null;
                            /** @description Name, unique in the org (any case) */
                            name: string;
                            /** @description Offered on the offline form */
                            showOnOfflineForm: boolean;
                            /** @description Offered on the registration form */
                            showOnRegistration: boolean;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Every agent of the department */
                            agents: {
                                /** @description Id of the link: department id and agent id */
                                _id: string;
                                /**
                                 * Format: date-time
                                 * @description When the agent joined the department
                                 */
                                _updatedAt: string;
                                /** @description The agent id */
                                agentId: string;
                                /** @description Open chats of this department assigned to the agent */
                                count: number;
                                /** @description The department is enabled and not archived */
                                departmentEnabled: boolean;
                                /** @description The department id */
                                departmentId: string;
                                /** @description Place of the agent in the department: lower first */
                                order: number;
                                /** @description The agent's username, its email when it has none */
                                username: string;
                            }[];
                            /** @description A department: a Roster team */
                            department: {
                                /** @description The department id (the Roster team id) */
                                _id: string;
                                /**
                                 * Format: date-time
                                 * @description Last change
                                 */
                                _updatedAt: string;
                                /** @description Archived */
                                archived: boolean;
                                /** @description Always empty */
                                chatClosingTags: string[];
                                /** @description Always empty: any department may receive forwarded chats */
                                departmentsAllowedToForward: string[];
                                /** @description Description ("" when none) */
                                description: string;
                                /** @description Contact address ("" when none) */
                                email: string;
                                /** @description A disabled department takes no new chats */
                                enabled: boolean;
                                /** @description Always "": none */
                                fallbackForwardDepartment: string;
                                /** @description Capacity of agents that set none of their own; 0: the org's default applies */
                                maxNumberSimultaneousChat: number;
                                /** @description Name */
                                name: string;
                                /** @description Number of agents */
                                numAgents: number;
                                /** @description Always "": Roster routes no offline messages */
                                offlineMessageChannelName: string;
                                /** @description Always false: Roster does not close chats */
                                requestTagBeforeClosingChat: boolean;
                                /** @description Offered on the offline form */
                                showOnOfflineForm: boolean;
                                /** @description Offered on the registration form */
                                showOnRegistration: boolean;
                            };
                            /**
                             * @description Always true
                             * @enum {boolean}
                             */
                            success: true;
                        };
                    };
                };
                /** @description Rocket.Chat failure body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
                /** @description Rocket.Chat answer to a request without valid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatUnauthorized"];
                    };
                };
                /** @description Rocket.Chat failure body */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
                /** @description Rocket.Chat failure body */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
                /** @description Rocket.Chat failure body */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
                /** @description Rocket.Chat failure body */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
            };
        };
        post?: never;
        /** Delete a department and its agent links */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The department id (a Roster team id) */
                    _id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description Always true
                             * @enum {boolean}
                             */
                            success: true;
                        };
                    };
                };
                /** @description Rocket.Chat failure body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
                /** @description Rocket.Chat answer to a request without valid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatUnauthorized"];
                    };
                };
                /** @description Rocket.Chat failure body */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
                /** @description Rocket.Chat failure body */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/livechat/department/{_id}/agents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the agents of a department, by username unless sorted otherwise (none when unknown) */
        get: {
            parameters: {
                query?: {
                    /** @description Most rows to return: 0 or absent is 50, more than 100 reads 100 */
                    count?: number;
                    /** @description Number of rows to skip */
                    offset?: number;
                    /** @description Sort as a JSON object of field to 1 (ascending) or -1, e.g. {"name":1} */
                    sort?: string;
                };
                header?: never;
                path: {
                    /** @description The department id (a Roster team id) */
                    _id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description One page of the agents of the department */
                            agents: {
                                /** @description Id of the link: department id and agent id */
                                _id: string;
                                /**
                                 * Format: date-time
                                 * @description When the agent joined the department
                                 */
                                _updatedAt: string;
                                /** @description The agent id */
                                agentId: string;
                                /** @description Open chats of this department assigned to the agent */
                                count: number;
                                /** @description The department is enabled and not archived */
                                departmentEnabled: boolean;
                                /** @description The department id */
                                departmentId: string;
                                /** @description Place of the agent in the department: lower first */
                                order: number;
                                /** @description The agent's username, its email when it has none */
                                username: string;
                            }[];
                            /** @description Rows in this page */
                            count: number;
                            /** @description Rows skipped */
                            offset: number;
                            /**
                             * @description Always true
                             * @enum {boolean}
                             */
                            success: true;
                            /** @description Rows matching in all */
                            total: number;
                        };
                    };
                };
                /** @description Rocket.Chat failure body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
                /** @description Rocket.Chat answer to a request without valid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatUnauthorized"];
                    };
                };
                /** @description Rocket.Chat failure body */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
                /** @description Rocket.Chat failure body */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
            };
        };
        put?: never;
        /** Add or reorder (upsert) and remove agents of a department in one transaction; an unknown agent changes nothing */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The department id (a Roster team id) */
                    _id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Agents to remove */
                        remove: {
                            /**
                             * Format: uuid
                             * @description The agent id (a Roster agent id)
                             */
                            agentId: string;
                        }[];
                        /** @description Agents to add, or whose order to change */
                        upsert: {
                            /**
                             * Format: uuid
                             * @description The agent id (a Roster agent id)
                             */
                            agentId: string;
                            /** @description Accepted and ignored: Roster counts chats itself */
                            count?: number;
                            /** @description Place of the agent in the department, lower first (kept as the member priority) */
                            order?: number;
                            /** @description Username; accepted, the agent id decides */
                            username: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description Always true
                             * @enum {boolean}
                             */
                            success: true;
                        };
                    };
                };
                /** @description Rocket.Chat failure body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
                /** @description Rocket.Chat answer to a request without valid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatUnauthorized"];
                    };
                };
                /** @description Rocket.Chat failure body */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
                /** @description Rocket.Chat failure body */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
                /** @description Rocket.Chat failure body */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
                /** @description Rocket.Chat failure body */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/livechat/department/{_id}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Archive a department */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The department id (a Roster team id) */
                    _id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description Always true
                             * @enum {boolean}
                             */
                            success: true;
                        };
                    };
                };
                /** @description Rocket.Chat failure body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
                /** @description Rocket.Chat answer to a request without valid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatUnauthorized"];
                    };
                };
                /** @description Rocket.Chat failure body */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
                /** @description Rocket.Chat failure body */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
                /** @description Rocket.Chat failure body */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
                /** @description Rocket.Chat failure body */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/livechat/department/{_id}/unarchive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Take a department out of the archive */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The department id (a Roster team id) */
                    _id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description Always true
                             * @enum {boolean}
                             */
                            success: true;
                        };
                    };
                };
                /** @description Rocket.Chat failure body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
                /** @description Rocket.Chat answer to a request without valid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatUnauthorized"];
                    };
                };
                /** @description Rocket.Chat failure body */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
                /** @description Rocket.Chat failure body */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
                /** @description Rocket.Chat failure body */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
                /** @description Rocket.Chat failure body */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/livechat/department/isDepartmentCreationAvailable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether a department may be created: always true (Roster has no department limit) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            isDepartmentCreationAvailable: boolean;
                            /** @enum {boolean} */
                            success: true;
                        };
                    };
                };
                /** @description Rocket.Chat failure body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
                /** @description Rocket.Chat answer to a request without valid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatUnauthorized"];
                    };
                };
                /** @description Rocket.Chat failure body */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
                /** @description Rocket.Chat failure body */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/livechat/departments/archived": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List archived departments */
        get: {
            parameters: {
                query?: {
                    /** @description Most rows to return: 0 or absent is 50, more than 100 reads 100 */
                    count?: number;
                    /** @description Number of rows to skip */
                    offset?: number;
                    /** @description Sort as a JSON object of field to 1 (ascending) or -1, e.g. {"name":1} */
                    sort?: string;
                    /** @description Part of the name, any case */
                    text?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Rows in this page */
                            count: number;
                            /** @description One page of departments */
                            departments: {
                                /** @description The department id (the Roster team id) */
                                _id: string;
                                /**
                                 * Format: date-time
                                 * @description Last change
                                 */
                                _updatedAt: string;
                                /** @description Archived */
                                archived: boolean;
                                /** @description Always empty */
                                chatClosingTags: string[];
                                /** @description Always empty: any department may receive forwarded chats */
                                departmentsAllowedToForward: string[];
                                /** @description Description ("" when none) */
                                description: string;
                                /** @description Contact address ("" when none) */
                                email: string;
                                /** @description A disabled department takes no new chats */
                                enabled: boolean;
                                /** @description Always "": none */
                                fallbackForwardDepartment: string;
                                /** @description Capacity of agents that set none of their own; 0: the org's default applies */
                                maxNumberSimultaneousChat: number;
                                /** @description Name */
                                name: string;
                                /** @description Number of agents */
                                numAgents: number;
                                /** @description Always "": Roster routes no offline messages */
                                offlineMessageChannelName: string;
                                /** @description Always false: Roster does not close chats */
                                requestTagBeforeClosingChat: boolean;
                                /** @description Offered on the offline form */
                                showOnOfflineForm: boolean;
                                /** @description Offered on the registration form */
                                showOnRegistration: boolean;
                            }[];
                            /** @description Rows skipped */
                            offset: number;
                            /**
                             * @description Always true
                             * @enum {boolean}
                             */
                            success: true;
                            /** @description Rows matching in all */
                            total: number;
                        };
                    };
                };
                /** @description Rocket.Chat failure body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
                /** @description Rocket.Chat answer to a request without valid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatUnauthorized"];
                    };
                };
                /** @description Rocket.Chat failure body */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
                /** @description Rocket.Chat failure body */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/livechat/users/agent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List livechat agents (agents not disabled), by username */
        get: {
            parameters: {
                query?: {
                    /** @description Most rows: 0 or absent is 50, more than 100 reads 100 */
                    count?: number;
                    /** @description An agent id to leave out */
                    excludeId?: string;
                    /** @description Rows to skip */
                    offset?: number;
                    /** @description "true": available agents only */
                    onlyAvailable?: string;
                    /** @description Accepted and ignored */
                    showIdleAgents?: string;
                    /** @description Accepted; the list is by username */
                    sort?: string;
                    /** @description Part of the name, username or email */
                    text?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            count: number;
                            offset: number;
                            /** @enum {boolean} */
                            success: true;
                            total: number;
                            users: {
                                /** @description The agent id */
                                _id: string;
                                /** Format: date-time */
                                _updatedAt: string;
                                /** @description false for a disabled agent */
                                active: boolean;
                                /** Format: date-time */
                                createdAt: string;
                                /** @description Ids of the departments (teams) of the agent */
                                departments: string[];
                                emails: {
                                    address: string;
                                    verified: boolean;
                                }[];
                                livechat: {
                                    /** @description Capacity: chats the agent may hold at once */
                                    maxNumberSimultaneousChat: number;
                                };
                                /** @description Chats assigned to the agent now */
                                livechatCount: number;
                                /** @description Full name */
                                name: string;
                                /** @description Always user and livechat-agent */
                                roles: string[];
                                /**
                                 * @description Connection and availability
                                 * @enum {unknown}
                                 */
                                status: "online" | "away" | "offline";
                                /**
                                 * @description The availability switch
                                 * @enum {unknown}
                                 */
                                statusLivechat: "available" | "not-available";
                                /** @enum {string} */
                                type: "user";
                                /** @description Username; the email when the agent has none */
                                username: string;
                            }[];
                        };
                    };
                };
                /** @description Rocket.Chat failure body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
                /** @description Rocket.Chat answer to a request without valid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatUnauthorized"];
                    };
                };
                /** @description Rocket.Chat failure body */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
                /** @description Rocket.Chat failure body */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
            };
        };
        put?: never;
        /** Grant the livechat-agent role: enable the agent of this username (or email) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Username (or email) of the agent */
                        username: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            /** @description A Roster agent as a Rocket.Chat livechat agent */
                            user: {
                                /** @description The agent id */
                                _id: string;
                                /** Format: date-time */
                                _updatedAt: string;
                                /** @description false for a disabled agent */
                                active: boolean;
                                /** Format: date-time */
                                createdAt: string;
                                /** @description Ids of the departments (teams) of the agent */
                                departments: string[];
                                emails: {
                                    address: string;
                                    verified: boolean;
                                }[];
                                livechat: {
                                    /** @description Capacity: chats the agent may hold at once */
                                    maxNumberSimultaneousChat: number;
                                };
                                /** @description Chats assigned to the agent now */
                                livechatCount: number;
                                /** @description Full name */
                                name: string;
                                /** @description Always user and livechat-agent */
                                roles: string[];
                                /**
                                 * @description Connection and availability
                                 * @enum {unknown}
                                 */
                                status: "online" | "away" | "offline";
                                /**
                                 * @description The availability switch
                                 * @enum {unknown}
                                 */
                                statusLivechat: "available" | "not-available";
                                /** @enum {string} */
                                type: "user";
                                /** @description Username; the email when the agent has none */
                                username: string;
                            };
                        };
                    };
                };
                /** @description Rocket.Chat failure body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
                /** @description Rocket.Chat answer to a request without valid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatUnauthorized"];
                    };
                };
                /** @description Rocket.Chat failure body */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
                /** @description Rocket.Chat failure body */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
                /** @description Rocket.Chat failure body */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
                /** @description Rocket.Chat failure body */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/livechat/users/agent/{_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A livechat agent; null when the agent is unknown or disabled */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The agent id (a Roster agent id) */
                    _id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            user: {
                                /** @description The agent id */
                                _id: string;
                                /** Format: date-time */
                                _updatedAt: string;
                                /** @description false for a disabled agent */
                                active: boolean;
                                /** Format: date-time */
                                createdAt: string;
                                /** @description Ids of the departments (teams) of the agent */
                                departments: string[];
                                emails: {
                                    address: string;
                                    verified: boolean;
                                }[];
                                livechat: {
                                    /** @description Capacity: chats the agent may hold at once */
                                    maxNumberSimultaneousChat: number;
                                };
                                /** @description Chats assigned to the agent now */
                                livechatCount: number;
                                /** @description Full name */
                                name: string;
                                /** @description Always user and livechat-agent */
                                roles: string[];
                                /**
                                 * @description Connection and availability
                                 * @enum {unknown}
                                 */
                                status: "online" | "away" | "offline";
                                /**
                                 * @description The availability switch
                                 * @enum {unknown}
                                 */
                                statusLivechat: "available" | "not-available";
                                /** @enum {string} */
                                type: "user";
                                /** @description Username; the email when the agent has none */
                                username: string;
                            } | null;
                        };
                    };
                };
                /** @description Rocket.Chat failure body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
                /** @description Rocket.Chat answer to a request without valid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatUnauthorized"];
                    };
                };
                /** @description Rocket.Chat failure body */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
                /** @description Rocket.Chat failure body */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Revoke the livechat-agent role: disable the agent */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The agent id (a Roster agent id) */
                    _id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description Always true
                             * @enum {boolean}
                             */
                            success: true;
                        };
                    };
                };
                /** @description Rocket.Chat failure body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
                /** @description Rocket.Chat answer to a request without valid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatUnauthorized"];
                    };
                };
                /** @description Rocket.Chat failure body */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
                /** @description Rocket.Chat failure body */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RocketChatFailure"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/beta/agents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List agents/admins, paged, optionally by email or by phone (not both) */
        get: {
            parameters: {
                query?: {
                    /** @description Only the agent with this email (primary or additional) */
                    email?: string;
                    /** @description Opaque key of the page to read, taken from meta.next; do not construct or change it */
                    pageKey?: string;
                    /** @description Maximum results per page (default 50; values above 100 read 100) */
                    pageLimit?: number;
                    /** @description Only agents with this phone number (primary or additional) */
                    phone?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @description Additional email addresses */
                                additionalEmails: string[];
                                /** @description Additional phone numbers */
                                additionalPhoneNumbers: string[];
                                /** @description The url of the agent's avatar */
                                avatarUrl?: string;
                                /** @description Time when the agent was created (UTC) */
                                createdAt: string;
                                /** @description The agent's display name */
                                displayName: string;
                                /** @description The agent's primary email address */
                                email: string;
                                /** @description The agent's first name */
                                firstName?: string;
                                /** @description Unique identifier for the agent */
                                id: string;
                                /** @description The agent's last name */
                                lastName?: string;
                                /** @description The agent's middle names */
                                middleNames: string[];
                                /** @description The agent's primary phone number */
                                phoneNumber?: string;
                                /** @description Agent, or Admin for owners and admins; empty once the agent was deleted (downgraded) */
                                roles: string[];
                            }[];
                            /** @description Pagination links */
                            meta: {
                                /** @description URL of the next page, absent on the last page */
                                next?: string;
                            };
                        };
                    };
                };
                /** @description Dixa error body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
            };
        };
        /** Update agents in bulk (each replaces every field): one outcome per input */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description Agent update actions, each replacing every field of one agent */
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Additional email addresses for the agent */
                        additionalEmails?: string[];
                        /** @description Additional phone numbers for the agent */
                        additionalPhoneNumbers?: string[];
                        /**
                         * Format: uri
                         * @description The url from which to load the agent's avatar
                         */
                        avatarUrl?: string;
                        /** @description The agent's display name */
                        displayName: string;
                        /** @description The agent's first name */
                        firstName?: string;
                        /** @description The id of the agent to change */
                        id: string;
                        /** @description The agent's last name */
                        lastName?: string;
                        /** @description The agent's middle names */
                        middleNames?: string[];
                        /** @description The agent's primary phone number */
                        phoneNumber?: string;
                    }[];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @description BulkActionSuccess or BulkActionFailure */
                                _type: string;
                                /** @description An agent/admin */
                                data?: {
                                    /** @description Additional email addresses */
                                    additionalEmails: string[];
                                    /** @description Additional phone numbers */
                                    additionalPhoneNumbers: string[];
                                    /** @description The url of the agent's avatar */
                                    avatarUrl?: string;
                                    /** @description Time when the agent was created (UTC) */
                                    createdAt: string;
                                    /** @description The agent's display name */
                                    displayName: string;
                                    /** @description The agent's primary email address */
                                    email: string;
                                    /** @description The agent's first name */
                                    firstName?: string;
                                    /** @description Unique identifier for the agent */
                                    id: string;
                                    /** @description The agent's last name */
                                    lastName?: string;
                                    /** @description The agent's middle names */
                                    middleNames: string[];
                                    /** @description The agent's primary phone number */
                                    phoneNumber?: string;
                                    /** @description Agent, or Admin for owners and admins; empty once the agent was deleted (downgraded) */
                                    roles: string[];
                                };
                                /** @description Why one action failed */
                                error?: {
                                    /** @description NotFound, Validation, EmptyPatchSet or ErrorResponse */
                                    _type: string;
                                    /** @description The id of the agent the action named */
                                    id?: string;
                                    /** @description What went wrong */
                                    message: string;
                                };
                            }[];
                        };
                    };
                };
                /** @description Dixa error body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
            };
        };
        /** Create an agent */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description The agent's details */
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Additional email addresses for the agent */
                        additionalEmails?: string[];
                        /** @description Additional phone numbers for the agent */
                        additionalPhoneNumbers?: string[];
                        /**
                         * Format: uri
                         * @description The url from which to load the agent's avatar
                         */
                        avatarUrl?: string;
                        /** @description The agent's display name */
                        displayName: string;
                        /**
                         * Format: email
                         * @description The agent's primary email address, unique in the organization
                         */
                        email: string;
                        /** @description The agent's first name */
                        firstName?: string;
                        /** @description The agent's last name */
                        lastName?: string;
                        /** @description The agent's middle names */
                        middleNames?: string[];
                        /** @description The agent's primary phone number */
                        phoneNumber?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description An agent/admin */
                            data: {
                                /** @description Additional email addresses */
                                additionalEmails: string[];
                                /** @description Additional phone numbers */
                                additionalPhoneNumbers: string[];
                                /** @description The url of the agent's avatar */
                                avatarUrl?: string;
                                /** @description Time when the agent was created (UTC) */
                                createdAt: string;
                                /** @description The agent's display name */
                                displayName: string;
                                /** @description The agent's primary email address */
                                email: string;
                                /** @description The agent's first name */
                                firstName?: string;
                                /** @description Unique identifier for the agent */
                                id: string;
                                /** @description The agent's last name */
                                lastName?: string;
                                /** @description The agent's middle names */
                                middleNames: string[];
                                /** @description The agent's primary phone number */
                                phoneNumber?: string;
                                /** @description Agent, or Admin for owners and admins; empty once the agent was deleted (downgraded) */
                                roles: string[];
                            };
                        };
                    };
                };
                /** @description Dixa error body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        /** Patch agents in bulk: one outcome per input */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description Agent patch actions */
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Additional email addresses for the agent */
                        additionalEmails?: string[];
                        /** @description Additional phone numbers for the agent */
                        additionalPhoneNumbers?: string[];
                        /**
                         * Format: uri
                         * @description The url from which to load the agent's avatar
                         */
                        avatarUrl?: string;
                        /** @description The agent's display name */
                        displayName?: string;
                        /** @description The agent's first name */
                        firstName?: string;
                        /** @description The id of the agent to change */
                        id: string;
                        /** @description The agent's last name */
                        lastName?: string;
                        /** @description The agent's middle names */
                        middleNames?: string[];
                        /** @description The agent's primary phone number */
                        phoneNumber?: string;
                    }[];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @description BulkActionSuccess or BulkActionFailure */
                                _type: string;
                                /** @description An agent/admin */
                                data?: {
                                    /** @description Additional email addresses */
                                    additionalEmails: string[];
                                    /** @description Additional phone numbers */
                                    additionalPhoneNumbers: string[];
                                    /** @description The url of the agent's avatar */
                                    avatarUrl?: string;
                                    /** @description Time when the agent was created (UTC) */
                                    createdAt: string;
                                    /** @description The agent's display name */
                                    displayName: string;
                                    /** @description The agent's primary email address */
                                    email: string;
                                    /** @description The agent's first name */
                                    firstName?: string;
                                    /** @description Unique identifier for the agent */
                                    id: string;
                                    /** @description The agent's last name */
                                    lastName?: string;
                                    /** @description The agent's middle names */
                                    middleNames: string[];
                                    /** @description The agent's primary phone number */
                                    phoneNumber?: string;
                                    /** @description Agent, or Admin for owners and admins; empty once the agent was deleted (downgraded) */
                                    roles: string[];
                                };
                                /** @description Why one action failed */
                                error?: {
                                    /** @description NotFound, Validation, EmptyPatchSet or ErrorResponse */
                                    _type: string;
                                    /** @description The id of the agent the action named */
                                    id?: string;
                                    /** @description What went wrong */
                                    message: string;
                                };
                            }[];
                        };
                    };
                };
                /** @description Dixa error body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/beta/agents/{agentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an agent/admin */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The agent/admin id */
                    agentId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description An agent/admin */
                            data: {
                                /** @description Additional email addresses */
                                additionalEmails: string[];
                                /** @description Additional phone numbers */
                                additionalPhoneNumbers: string[];
                                /** @description The url of the agent's avatar */
                                avatarUrl?: string;
                                /** @description Time when the agent was created (UTC) */
                                createdAt: string;
                                /** @description The agent's display name */
                                displayName: string;
                                /** @description The agent's primary email address */
                                email: string;
                                /** @description The agent's first name */
                                firstName?: string;
                                /** @description Unique identifier for the agent */
                                id: string;
                                /** @description The agent's last name */
                                lastName?: string;
                                /** @description The agent's middle names */
                                middleNames: string[];
                                /** @description The agent's primary phone number */
                                phoneNumber?: string;
                                /** @description Agent, or Admin for owners and admins; empty once the agent was deleted (downgraded) */
                                roles: string[];
                            };
                        };
                    };
                };
                /** @description Dixa error body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
            };
        };
        /** Update an agent/admin: every field, absent optional ones cleared (the email stays) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The agent/admin id */
                    agentId: string;
                };
                cookie?: never;
            };
            /** @description Every field of the agent: absent optional fields are cleared */
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Additional email addresses for the agent */
                        additionalEmails?: string[];
                        /** @description Additional phone numbers for the agent */
                        additionalPhoneNumbers?: string[];
                        /**
                         * Format: uri
                         * @description The url from which to load the agent's avatar
                         */
                        avatarUrl?: string;
                        /** @description The agent's display name */
                        displayName: string;
                        /** @description The agent's first name */
                        firstName?: string;
                        /** @description The agent's last name */
                        lastName?: string;
                        /** @description The agent's middle names */
                        middleNames?: string[];
                        /** @description The agent's primary phone number */
                        phoneNumber?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description An agent/admin */
                            data: {
                                /** @description Additional email addresses */
                                additionalEmails: string[];
                                /** @description Additional phone numbers */
                                additionalPhoneNumbers: string[];
                                /** @description The url of the agent's avatar */
                                avatarUrl?: string;
                                /** @description Time when the agent was created (UTC) */
                                createdAt: string;
                                /** @description The agent's display name */
                                displayName: string;
                                /** @description The agent's primary email address */
                                email: string;
                                /** @description The agent's first name */
                                firstName?: string;
                                /** @description Unique identifier for the agent */
                                id: string;
                                /** @description The agent's last name */
                                lastName?: string;
                                /** @description The agent's middle names */
                                middleNames: string[];
                                /** @description The agent's primary phone number */
                                phoneNumber?: string;
                                /** @description Agent, or Admin for owners and admins; empty once the agent was deleted (downgraded) */
                                roles: string[];
                            };
                        };
                    };
                };
                /** @description Dixa error body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
            };
        };
        post?: never;
        /** Downgrade an agent/admin: disabled, out of every team, gone from agent lists */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The agent/admin id */
                    agentId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Dixa error body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Patch an agent/admin: only the fields given change */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The agent/admin id */
                    agentId: string;
                };
                cookie?: never;
            };
            /** @description The fields to change; absent fields keep their value */
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Additional email addresses for the agent */
                        additionalEmails?: string[];
                        /** @description Additional phone numbers for the agent */
                        additionalPhoneNumbers?: string[];
                        /**
                         * Format: uri
                         * @description The url from which to load the agent's avatar
                         */
                        avatarUrl?: string;
                        /** @description The agent's display name */
                        displayName?: string;
                        /** @description The agent's first name */
                        firstName?: string;
                        /** @description The agent's last name */
                        lastName?: string;
                        /** @description The agent's middle names */
                        middleNames?: string[];
                        /** @description The agent's primary phone number */
                        phoneNumber?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description An agent/admin */
                            data: {
                                /** @description Additional email addresses */
                                additionalEmails: string[];
                                /** @description Additional phone numbers */
                                additionalPhoneNumbers: string[];
                                /** @description The url of the agent's avatar */
                                avatarUrl?: string;
                                /** @description Time when the agent was created (UTC) */
                                createdAt: string;
                                /** @description The agent's display name */
                                displayName: string;
                                /** @description The agent's primary email address */
                                email: string;
                                /** @description The agent's first name */
                                firstName?: string;
                                /** @description Unique identifier for the agent */
                                id: string;
                                /** @description The agent's last name */
                                lastName?: string;
                                /** @description The agent's middle names */
                                middleNames: string[];
                                /** @description The agent's primary phone number */
                                phoneNumber?: string;
                                /** @description Agent, or Admin for owners and admins; empty once the agent was deleted (downgraded) */
                                roles: string[];
                            };
                        };
                    };
                };
                /** @description Dixa error body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/beta/agents/{agentId}/presence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get the presence of an agent/admin */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The agent/admin id */
                    agentId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description An agent/admin's presence */
                            data: {
                                /** @description Channels reported by live devices */
                                activeChannels: string[];
                                /** @description Online or Offline: whether a device is connected */
                                connectionStatus: string;
                                /** @description Latest heartbeat (UTC, no zone designator) */
                                lastSeen?: string;
                                /** @description Working or Away: the agent's own choice (switch and status), whatever its connection */
                                presenceStatus: string;
                                /** @description When this view was computed (UTC, no zone designator) */
                                requestTime: string;
                                /** @description The agent/admin id */
                                userId: string;
                            };
                        };
                    };
                };
                /** @description Dixa error body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/beta/agents/{agentId}/presence/working-channel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set whether the agent works one channel (the same channel flags as /v1 availability) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The agent/admin id */
                    agentId: string;
                };
                cookie?: never;
            };
            /** @description The state of one presence channel */
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description Email, InteractiveChat, Messaging or Speak
                         * @enum {unknown}
                         */
                        channel: "Email" | "InteractiveChat" | "Messaging" | "Speak";
                        /** @description Whether the agent works this channel */
                        working: boolean;
                    };
                };
            };
            responses: {
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Dixa error body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/beta/agents/{agentId}/teams": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the teams the agent/admin is a member of */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The agent/admin id */
                    agentId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @description The team id */
                                id: string;
                                /** @description The team name */
                                name: string;
                            }[];
                        };
                    };
                };
                /** @description Dixa error body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/beta/agents/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create agents in bulk: one outcome per input */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description The list of agents' details */
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The agents to create */
                        data: {
                            /** @description Additional email addresses for the agent */
                            additionalEmails?: string[];
                            /** @description Additional phone numbers for the agent */
                            additionalPhoneNumbers?: string[];
                            /**
                             * Format: uri
                             * @description The url from which to load the agent's avatar
                             */
                            avatarUrl?: string;
                            /** @description The agent's display name */
                            displayName: string;
                            /**
                             * Format: email
                             * @description The agent's primary email address, unique in the organization
                             */
                            email: string;
                            /** @description The agent's first name */
                            firstName?: string;
                            /** @description The agent's last name */
                            lastName?: string;
                            /** @description The agent's middle names */
                            middleNames?: string[];
                            /** @description The agent's primary phone number */
                            phoneNumber?: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @description BulkActionSuccess or BulkActionFailure */
                                _type: string;
                                /** @description An agent/admin */
                                data?: {
                                    /** @description Additional email addresses */
                                    additionalEmails: string[];
                                    /** @description Additional phone numbers */
                                    additionalPhoneNumbers: string[];
                                    /** @description The url of the agent's avatar */
                                    avatarUrl?: string;
                                    /** @description Time when the agent was created (UTC) */
                                    createdAt: string;
                                    /** @description The agent's display name */
                                    displayName: string;
                                    /** @description The agent's primary email address */
                                    email: string;
                                    /** @description The agent's first name */
                                    firstName?: string;
                                    /** @description Unique identifier for the agent */
                                    id: string;
                                    /** @description The agent's last name */
                                    lastName?: string;
                                    /** @description The agent's middle names */
                                    middleNames: string[];
                                    /** @description The agent's primary phone number */
                                    phoneNumber?: string;
                                    /** @description Agent, or Admin for owners and admins; empty once the agent was deleted (downgraded) */
                                    roles: string[];
                                };
                                /** @description Why one action failed */
                                error?: {
                                    /** @description NotFound, Validation, EmptyPatchSet or ErrorResponse */
                                    _type: string;
                                    /** @description The id of the agent the action named */
                                    id?: string;
                                    /** @description What went wrong */
                                    message: string;
                                };
                            }[];
                        };
                    };
                };
                /** @description Dixa error body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/beta/agents/presence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the presence of every agent/admin (a bare array, not paged, as in Dixa) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Channels reported by live devices */
                            activeChannels: string[];
                            /** @description Online or Offline: whether a device is connected */
                            connectionStatus: string;
                            /** @description Latest heartbeat (UTC, no zone designator) */
                            lastSeen?: string;
                            /** @description Working or Away: the agent's own choice (switch and status), whatever its connection */
                            presenceStatus: string;
                            /** @description When this view was computed (UTC, no zone designator) */
                            requestTime: string;
                            /** @description The agent/admin id */
                            userId: string;
                        }[];
                    };
                };
                /** @description Dixa error body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/beta/teams": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List teams (all of them: Dixa does not page this list) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @description The team id */
                                id: string;
                                /** @description The team name */
                                name: string;
                            }[];
                        };
                    };
                };
                /** @description Dixa error body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
            };
        };
        put?: never;
        /** Create a team */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description The team name */
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The team name, unique in the organization (case-insensitive) */
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description A team */
                            data: {
                                /** @description The team id */
                                id: string;
                                /** @description The team name */
                                name: string;
                            };
                        };
                    };
                };
                /** @description Dixa error body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/beta/teams/{teamId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a team */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The team id */
                    teamId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description A team */
                            data: {
                                /** @description The team id */
                                id: string;
                                /** @description The team name */
                                name: string;
                            };
                        };
                    };
                };
                /** @description Dixa error body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a team */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The team id */
                    teamId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Dixa error body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/beta/teams/{teamId}/agents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the members of a team (all of them: Dixa does not page this list) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The team id */
                    teamId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @description Primary email */
                                email?: string;
                                /** @description The agent/admin id */
                                id: string;
                                /** @description Display name */
                                name?: string;
                                /** @description Primary phone number */
                                phoneNumber?: string;
                            }[];
                        };
                    };
                };
                /** @description Dixa error body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Remove agents/admins from a team (a DELETE with a JSON body) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The team id */
                    teamId: string;
                };
                cookie?: never;
            };
            /** @description List of agent/admin ids */
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Agent/admin ids (up to 1000); every one must exist or nothing changes */
                        agentIds?: string[];
                    };
                };
            };
            responses: {
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Dixa error body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Add agents/admins to a team (200 with the members, as GET answers)
         * @description Dixa's spec documents no response body, but its own tooling parses every 2xx that is not a 204 as JSON: the answer is the team members after the change, `{data: [...]}`.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The team id */
                    teamId: string;
                };
                cookie?: never;
            };
            /** @description List of agent/admin ids */
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Agent/admin ids (up to 1000); every one must exist or nothing changes */
                        agentIds?: string[];
                    };
                };
            };
            responses: {
                /** @description The members after the change */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @description Primary email */
                                email?: string;
                                /** @description The agent/admin id */
                                id: string;
                                /** @description Display name */
                                name?: string;
                                /** @description Primary phone number */
                                phoneNumber?: string;
                            }[];
                        };
                    };
                };
                /** @description Dixa error body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/beta/teams/{teamId}/presence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the presence of the members of a team, paged with pageKey and pageLimit */
        get: {
            parameters: {
                query?: {
                    /** @description Opaque key of the page to read, taken from meta.next; do not construct or change it */
                    pageKey?: string;
                    /** @description Maximum results per page (default 50; values above 100 read 100) */
                    pageLimit?: number;
                };
                header?: never;
                path: {
                    /** @description The team id */
                    teamId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @description Channels reported by live devices */
                                activeChannels: string[];
                                /** @description Online or Offline: whether a device is connected */
                                connectionStatus: string;
                                /** @description Latest heartbeat (UTC, no zone designator) */
                                lastSeen?: string;
                                /** @description Working or Away: the agent's own choice (switch and status), whatever its connection */
                                presenceStatus: string;
                                /** @description When this view was computed (UTC, no zone designator) */
                                requestTime: string;
                                /** @description The agent/admin id */
                                userId: string;
                            }[];
                            /** @description Pagination links */
                            meta: {
                                /** @description URL of the next page, absent on the last page */
                                next?: string;
                            };
                        };
                    };
                };
                /** @description Dixa error body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
                /** @description Dixa error body */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DixaError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List agents */
        get: {
            parameters: {
                query?: {
                    /** @description Cursor from the Link rel="next" header */
                    after?: string;
                    /** @description Maximum records to return (max 100) */
                    limit?: number;
                    /** @description Same as skip (the name the helpdesk pagination guide uses); wins when both are given */
                    offset?: number;
                    /** @description Org to act on (master key only; defaults to the default org) */
                    org_id?: string;
                    /** @description Alias of org_id */
                    orgId?: string;
                    /** @description Matches name or email, case-insensitively */
                    q?: string;
                    /** @description owner, admin, supervisor or agent */
                    role?: "owner" | "admin" | "supervisor" | "agent";
                    /** @description Number of records to skip */
                    skip?: number;
                    /** @description active, invited or disabled */
                    status?: "active" | "invited" | "disabled";
                    /** @description Only members of this team */
                    team_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Further emails */
                            additional_emails: string[];
                            /** @description Further phone numbers */
                            additional_phone_numbers: string[];
                            /** @description Free-form attributes */
                            attributes: {
                                [key: string]: unknown;
                            };
                            avatar_url: string | null;
                            /**
                             * Format: date-time
                             * @description Creation timestamp (ISO-8601, UTC)
                             */
                            created_at: string;
                            created_by: string | null;
                            /** @description Email */
                            email: string;
                            first_name: string | null;
                            /** @description Full name */
                            full_name: string;
                            /**
                             * Format: uuid
                             * @description Agent id
                             */
                            id: string;
                            last_name: string | null;
                            /** @description Capacity; null inherits */
                            max_concurrent: number | null;
                            /** @description Middle names */
                            middle_names: string[];
                            phone_number: string | null;
                            /** @description A free status text the agent shows; empty when none */
                            profile_status: string;
                            /** @description owner, admin, supervisor or agent */
                            role: string;
                            /** @description The agent's own preferences */
                            settings: {
                                [key: string]: unknown;
                            };
                            /** @description active, invited or disabled */
                            status: string;
                            /** @description Colours of tags, by tag */
                            tag_colors: {
                                [key: string]: string;
                            };
                            /** @description Labels */
                            tags: string[];
                            trashed_at: string | null;
                            /**
                             * Format: date-time
                             * @description Last modification timestamp (ISO-8601, UTC)
                             */
                            updated_at: string;
                            /**
                             * Format: uuid
                             * @description The person: one user id for all agents with this email, in every org
                             */
                            user_id: string;
                            username: string | null;
                        }[];
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create an agent */
        post: {
            parameters: {
                query?: {
                    /** @description Org to act on (master key only; defaults to the default org) */
                    org_id?: string;
                    /** @description Alias of org_id */
                    orgId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Further emails of the agent (not unique in the org) */
                        additional_emails?: string[];
                        /** @description Further phone numbers of the agent */
                        additional_phone_numbers?: string[];
                        /** @description Free-form attributes (skills, languages, ...) */
                        attributes?: {
                            [key: string]: unknown;
                        };
                        avatar_url?: string | null;
                        /**
                         * Format: email
                         * @description Email, unique in the org (case-insensitive)
                         */
                        email: string;
                        first_name?: string | null;
                        /** @description Full name */
                        full_name: string;
                        last_name?: string | null;
                        /** @description Most conversations the agent handles at once (0 to 1000); null inherits the team or org default */
                        max_concurrent?: number | null;
                        /** @description Middle names */
                        middle_names?: string[];
                        phone_number?: string | null;
                        /** @description A free status text the agent shows */
                        profile_status?: string;
                        /**
                         * @description owner, admin, supervisor or agent
                         * @enum {unknown}
                         */
                        role?: "owner" | "admin" | "supervisor" | "agent";
                        /** @description The agent's own preferences, free-form */
                        settings?: {
                            [key: string]: unknown;
                        };
                        /**
                         * @description active, invited or disabled
                         * @enum {unknown}
                         */
                        status?: "active" | "invited" | "disabled";
                        /** @description Display colour of tags, by tag (e.g. "#f00"); colours of tags the agent lacks are dropped */
                        tag_colors?: {
                            [key: string]: string;
                        };
                        /** @description Labels */
                        tags?: string[];
                        username?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Further emails */
                            additional_emails: string[];
                            /** @description Further phone numbers */
                            additional_phone_numbers: string[];
                            /** @description Free-form attributes */
                            attributes: {
                                [key: string]: unknown;
                            };
                            avatar_url: string | null;
                            /**
                             * Format: date-time
                             * @description Creation timestamp (ISO-8601, UTC)
                             */
                            created_at: string;
                            created_by: string | null;
                            /** @description Email */
                            email: string;
                            first_name: string | null;
                            /** @description Full name */
                            full_name: string;
                            /**
                             * Format: uuid
                             * @description Agent id
                             */
                            id: string;
                            last_name: string | null;
                            /** @description Capacity; null inherits */
                            max_concurrent: number | null;
                            /** @description Middle names */
                            middle_names: string[];
                            phone_number: string | null;
                            /** @description A free status text the agent shows; empty when none */
                            profile_status: string;
                            /** @description owner, admin, supervisor or agent */
                            role: string;
                            /** @description The agent's own preferences */
                            settings: {
                                [key: string]: unknown;
                            };
                            /** @description active, invited or disabled */
                            status: string;
                            /** @description Colours of tags, by tag */
                            tag_colors: {
                                [key: string]: string;
                            };
                            /** @description Labels */
                            tags: string[];
                            trashed_at: string | null;
                            /**
                             * Format: date-time
                             * @description Last modification timestamp (ISO-8601, UTC)
                             */
                            updated_at: string;
                            /**
                             * Format: uuid
                             * @description The person: one user id for all agents with this email, in every org
                             */
                            user_id: string;
                            username: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an agent */
        get: {
            parameters: {
                query?: {
                    /** @description Org to act on (master key only; defaults to the default org) */
                    org_id?: string;
                    /** @description Alias of org_id */
                    orgId?: string;
                };
                header?: never;
                path: {
                    /** @description The agent ID */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Further emails */
                            additional_emails: string[];
                            /** @description Further phone numbers */
                            additional_phone_numbers: string[];
                            /** @description Free-form attributes */
                            attributes: {
                                [key: string]: unknown;
                            };
                            avatar_url: string | null;
                            /**
                             * Format: date-time
                             * @description Creation timestamp (ISO-8601, UTC)
                             */
                            created_at: string;
                            created_by: string | null;
                            /** @description Email */
                            email: string;
                            first_name: string | null;
                            /** @description Full name */
                            full_name: string;
                            /**
                             * Format: uuid
                             * @description Agent id
                             */
                            id: string;
                            last_name: string | null;
                            /** @description Capacity; null inherits */
                            max_concurrent: number | null;
                            /** @description Middle names */
                            middle_names: string[];
                            phone_number: string | null;
                            /** @description A free status text the agent shows; empty when none */
                            profile_status: string;
                            /** @description owner, admin, supervisor or agent */
                            role: string;
                            /** @description The agent's own preferences */
                            settings: {
                                [key: string]: unknown;
                            };
                            /** @description active, invited or disabled */
                            status: string;
                            /** @description Colours of tags, by tag */
                            tag_colors: {
                                [key: string]: string;
                            };
                            /** @description Labels */
                            tags: string[];
                            trashed_at: string | null;
                            /**
                             * Format: date-time
                             * @description Last modification timestamp (ISO-8601, UTC)
                             */
                            updated_at: string;
                            /**
                             * Format: uuid
                             * @description The person: one user id for all agents with this email, in every org
                             */
                            user_id: string;
                            username: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete an agent: it leaves every team and loses its keys (If-Match honoured) */
        delete: {
            parameters: {
                query?: {
                    /** @description Org to act on (master key only; defaults to the default org) */
                    org_id?: string;
                    /** @description Alias of org_id */
                    orgId?: string;
                };
                header?: never;
                path: {
                    /** @description The agent ID */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Update an agent (If-Match: only if still at that ETag, else 412) */
        patch: {
            parameters: {
                query?: {
                    /** @description Org to act on (master key only; defaults to the default org) */
                    org_id?: string;
                    /** @description Alias of org_id */
                    orgId?: string;
                };
                header?: never;
                path: {
                    /** @description The agent ID */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Further emails of the agent (not unique in the org) */
                        additional_emails?: string[];
                        /** @description Further phone numbers of the agent */
                        additional_phone_numbers?: string[];
                        /** @description Free-form attributes (skills, languages, ...) */
                        attributes?: {
                            [key: string]: unknown;
                        };
                        avatar_url?: string | null;
                        /**
                         * Format: email
                         * @description Email, unique in the org (case-insensitive)
                         */
                        email?: string;
                        first_name?: string | null;
                        /** @description Full name */
                        full_name?: string;
                        last_name?: string | null;
                        /** @description Most conversations the agent handles at once (0 to 1000); null inherits the team or org default */
                        max_concurrent?: number | null;
                        /** @description Middle names */
                        middle_names?: string[];
                        phone_number?: string | null;
                        /** @description A free status text the agent shows */
                        profile_status?: string;
                        /**
                         * @description owner, admin, supervisor or agent
                         * @enum {unknown}
                         */
                        role?: "owner" | "admin" | "supervisor" | "agent";
                        /** @description The agent's own preferences, free-form */
                        settings?: {
                            [key: string]: unknown;
                        };
                        /**
                         * @description active, invited or disabled
                         * @enum {unknown}
                         */
                        status?: "active" | "invited" | "disabled";
                        /** @description Display colour of tags, by tag (e.g. "#f00"); colours of tags the agent lacks are dropped */
                        tag_colors?: {
                            [key: string]: string;
                        };
                        /** @description Labels */
                        tags?: string[];
                        username?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Further emails */
                            additional_emails: string[];
                            /** @description Further phone numbers */
                            additional_phone_numbers: string[];
                            /** @description Free-form attributes */
                            attributes: {
                                [key: string]: unknown;
                            };
                            avatar_url: string | null;
                            /**
                             * Format: date-time
                             * @description Creation timestamp (ISO-8601, UTC)
                             */
                            created_at: string;
                            created_by: string | null;
                            /** @description Email */
                            email: string;
                            first_name: string | null;
                            /** @description Full name */
                            full_name: string;
                            /**
                             * Format: uuid
                             * @description Agent id
                             */
                            id: string;
                            last_name: string | null;
                            /** @description Capacity; null inherits */
                            max_concurrent: number | null;
                            /** @description Middle names */
                            middle_names: string[];
                            phone_number: string | null;
                            /** @description A free status text the agent shows; empty when none */
                            profile_status: string;
                            /** @description owner, admin, supervisor or agent */
                            role: string;
                            /** @description The agent's own preferences */
                            settings: {
                                [key: string]: unknown;
                            };
                            /** @description active, invited or disabled */
                            status: string;
                            /** @description Colours of tags, by tag */
                            tag_colors: {
                                [key: string]: string;
                            };
                            /** @description Labels */
                            tags: string[];
                            trashed_at: string | null;
                            /**
                             * Format: date-time
                             * @description Last modification timestamp (ISO-8601, UTC)
                             */
                            updated_at: string;
                            /**
                             * Format: uuid
                             * @description The person: one user id for all agents with this email, in every org
                             */
                            user_id: string;
                            username: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/agents/{id}/availability": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set an agent's availability, status and channel flags */
        put: {
            parameters: {
                query?: {
                    /** @description Org to act on (master key only; defaults to the default org) */
                    org_id?: string;
                    /** @description Alias of org_id */
                    orgId?: string;
                };
                header?: never;
                path: {
                    /** @description The agent ID */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Whether the agent takes work */
                        available?: boolean;
                        /** @description Channel name -> whether the agent works it */
                        channels?: {
                            [key: string]: boolean;
                        };
                        /** @description A status key: working, away or one of the org */
                        status?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Channels reported by live devices */
                            active_channels: string[];
                            /** @description Open conversations assigned to the agent */
                            active_conversations: number;
                            /** @description Who the agent is; only with `expand=agent` */
                            agent?: {
                                /** @description The agent's email */
                                email: string;
                                /** @description The agent's full name */
                                full_name: string;
                                /**
                                 * Format: uuid
                                 * @description Agent id
                                 */
                                id: string;
                                /** @description The agent's role */
                                role: string;
                            };
                            /**
                             * Format: uuid
                             * @description Agent id
                             */
                            agent_id: string;
                            /** @description The agent's own available switch */
                            available: boolean;
                            /** @description Resolved capacity: agent, else team default, else org default */
                            capacity: number;
                            changed_at: string | null;
                            /** @description Channel working flags */
                            channels: {
                                [key: string]: boolean;
                            };
                            /**
                             * @description Whether a device sent a heartbeat within the TTL
                             * @enum {unknown}
                             */
                            connection: "online" | "offline";
                            /**
                             * @description Derived: offline (no live device), away (not available), busy (at capacity), available
                             * @enum {unknown}
                             */
                            effective_status: "offline" | "away" | "busy" | "available";
                            last_seen: string | null;
                            /**
                             * Format: date-time
                             * @description When this view was computed (ISO-8601, UTC)
                             */
                            request_time: string;
                            /** @description Chosen status key: working, away or one of the org */
                            status: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agents/{id}/presence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An agent's presence view */
        get: {
            parameters: {
                query?: {
                    /** @description Org to act on (master key only; defaults to the default org) */
                    org_id?: string;
                    /** @description Alias of org_id */
                    orgId?: string;
                };
                header?: never;
                path: {
                    /** @description The agent ID */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Channels reported by live devices */
                            active_channels: string[];
                            /** @description Open conversations assigned to the agent */
                            active_conversations: number;
                            /** @description Who the agent is; only with `expand=agent` */
                            agent?: {
                                /** @description The agent's email */
                                email: string;
                                /** @description The agent's full name */
                                full_name: string;
                                /**
                                 * Format: uuid
                                 * @description Agent id
                                 */
                                id: string;
                                /** @description The agent's role */
                                role: string;
                            };
                            /**
                             * Format: uuid
                             * @description Agent id
                             */
                            agent_id: string;
                            /** @description The agent's own available switch */
                            available: boolean;
                            /** @description Resolved capacity: agent, else team default, else org default */
                            capacity: number;
                            changed_at: string | null;
                            /** @description Channel working flags */
                            channels: {
                                [key: string]: boolean;
                            };
                            /**
                             * @description Whether a device sent a heartbeat within the TTL
                             * @enum {unknown}
                             */
                            connection: "online" | "offline";
                            /**
                             * @description Derived: offline (no live device), away (not available), busy (at capacity), available
                             * @enum {unknown}
                             */
                            effective_status: "offline" | "away" | "busy" | "available";
                            last_seen: string | null;
                            /**
                             * Format: date-time
                             * @description When this view was computed (ISO-8601, UTC)
                             */
                            request_time: string;
                            /** @description Chosen status key: working, away or one of the org */
                            status: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agents/{id}/presence/devices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An agent's live devices: each one's latest heartbeat, expiry and channels */
        get: {
            parameters: {
                query?: {
                    /** @description Org to act on (master key only; defaults to the default org) */
                    org_id?: string;
                    /** @description Alias of org_id */
                    orgId?: string;
                };
                header?: never;
                path: {
                    /** @description The agent ID */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Channels reported with its latest heartbeat */
                            channels: string[];
                            /** @description The device ID its heartbeats carry */
                            device_id: string;
                            /**
                             * Format: date-time
                             * @description When the device stops counting unless it beats again (ISO-8601, UTC)
                             */
                            expires_at: string;
                            /**
                             * Format: date-time
                             * @description Latest heartbeat of this device (ISO-8601, UTC)
                             */
                            last_seen: string;
                        }[];
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agents/{id}/presence/devices/{device_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Sign one device out; the agent goes offline at once when it was the last */
        delete: {
            parameters: {
                query?: {
                    /** @description Org to act on (master key only; defaults to the default org) */
                    org_id?: string;
                    /** @description Alias of org_id */
                    orgId?: string;
                };
                header?: never;
                path: {
                    /** @description The device ID */
                    device_id: string;
                    /** @description The agent ID */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agents/{id}/presence/heartbeat": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Heartbeat of one device: the agent is online while any device beats within the TTL */
        post: {
            parameters: {
                query?: {
                    /** @description Org to act on (master key only; defaults to the default org) */
                    org_id?: string;
                    /** @description Alias of org_id */
                    orgId?: string;
                };
                header?: never;
                path: {
                    /** @description The agent ID */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        /** @description Channels this device is connected on */
                        channels?: string[];
                        /** @description Device or session id; defaults to "default" */
                        device_id?: string;
                    };
                };
            };
            responses: {
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agents/{id}/teams": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the teams of an agent */
        get: {
            parameters: {
                query?: {
                    /** @description Cursor from the Link rel="next" header */
                    after?: string;
                    /** @description Maximum records to return (max 100) */
                    limit?: number;
                    /** @description Same as skip (the name the helpdesk pagination guide uses); wins when both are given */
                    offset?: number;
                    /** @description Org to act on (master key only; defaults to the default org) */
                    org_id?: string;
                    /** @description Alias of org_id */
                    orgId?: string;
                    /** @description Number of records to skip */
                    skip?: number;
                };
                header?: never;
                path: {
                    /** @description The agent ID */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description When the team was archived; null while it is not */
                            archived_at: string | null;
                            /**
                             * Format: date-time
                             * @description Creation timestamp (ISO-8601, UTC)
                             */
                            created_at: string;
                            /** @description Default capacity of members; null uses the org default */
                            default_max_concurrent: number | null;
                            description: string | null;
                            email: string | null;
                            /** @description A disabled team takes no new work */
                            enabled: boolean;
                            /**
                             * Format: uuid
                             * @description Unique team identifier
                             */
                            id: string;
                            /** @description Number of members */
                            member_count: number;
                            /** @description Team name */
                            name: string;
                            /**
                             * @description How queued work reaches members: least_busy (fewest active, then longest idle), round_robin (next member in order after the last assigned) or manual (stays queued until assigned)
                             * @enum {unknown}
                             */
                            routing: "manual" | "round_robin" | "least_busy";
                            /** @description Offered to customers leaving an offline message */
                            show_on_offline_form: boolean;
                            /** @description Offered to customers starting a conversation */
                            show_on_registration: boolean;
                            /**
                             * Format: date-time
                             * @description Last modification timestamp (ISO-8601, UTC)
                             */
                            updated_at: string;
                        }[];
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agents/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create or update up to 1,000 agents, matched by email (case-insensitive), in one transaction
         * @description Agents that do not exist are created (full_name required). Agents that exist are left as they are (`unchanged`) unless `update` is true, which writes the fields that differ. An item that cannot be applied fails alone, with its reason; repeating a call changes nothing. Items may name `teams` (by name): their agents join them in the same transaction, and teams that do not exist are created (this needs the teams:write scope too).
         */
        post: {
            parameters: {
                query?: {
                    /** @description Org to act on (master key only; defaults to the default org) */
                    org_id?: string;
                    /** @description Alias of org_id */
                    orgId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 1 to 1000 agents */
                        agents: {
                            /**
                             * Format: email
                             * @description Email, unique in the org (case-insensitive)
                             */
                            email: string;
                            /** @description Full name */
                            full_name?: string;
                            /** @description Most conversations the agent handles at once (0 to 1000); null inherits the team or org default */
                            max_concurrent?: number | null;
                            phone_number?: string | null;
                            /**
                             * @description owner, admin, supervisor or agent
                             * @enum {unknown}
                             */
                            role?: "owner" | "admin" | "supervisor" | "agent";
                            /** @description Labels */
                            tags?: string[];
                            /** @description Teams, by name (case-insensitive), the agent joins; it leaves none. Missing teams are created */
                            teams?: string[];
                            username?: string | null;
                        }[];
                        /**
                         * @description Only answer what the call would do: nothing is written, created agents get no id
                         * @default false
                         */
                        dry_run?: boolean;
                        /**
                         * @description Write the differing fields of agents that exist (otherwise they are left as they are)
                         * @default false
                         */
                        update?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Agents created */
                            created: number;
                            /** @description Items that could not be applied */
                            failed: number;
                            /** @description One result per item, in request order */
                            results: {
                                /** @description Email of the item */
                                email: string;
                                error: {
                                    /** @description Error code */
                                    code: string;
                                    field: string | null;
                                    /** @description What is wrong */
                                    message: string;
                                } | null;
                                /** @description Fields that differ from the agent: written when updated, left as they were otherwise */
                                fields: string[];
                                id: string | null;
                                /** @description Position of the item in the request */
                                index: number;
                                /** @description Teams of the item's `teams` the agent joined (not those it was a member of already) */
                                joined_team_ids: string[];
                                /**
                                 * @description created, updated, unchanged or failed
                                 * @enum {unknown}
                                 */
                                status: "created" | "updated" | "unchanged" | "failed";
                            }[];
                            /** @description Teams named by items that did not exist and were created (would be, in a dry run) */
                            teams_created: {
                                id: string | null;
                                /** @description Its name, as first spelt in the call */
                                name: string;
                            }[];
                            /** @description Agents that exist and were left as they are */
                            unchanged: number;
                            /** @description Agents updated */
                            updated: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List API keys (never the secrets) */
        get: {
            parameters: {
                query?: {
                    /** @description Cursor from the Link rel="next" header */
                    after?: string;
                    /** @description Maximum records to return (max 100) */
                    limit?: number;
                    /** @description Same as skip (the name the helpdesk pagination guide uses); wins when both are given */
                    offset?: number;
                    /** @description Org to act on (master key only; defaults to the default org) */
                    org_id?: string;
                    /** @description Alias of org_id */
                    orgId?: string;
                    /** @description Number of records to skip */
                    skip?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            agent_id: string | null;
                            /**
                             * Format: date-time
                             * @description Creation timestamp (ISO-8601, UTC)
                             */
                            created_at: string;
                            expires_at: string | null;
                            /**
                             * Format: uuid
                             * @description Key id
                             */
                            id: string;
                            last_used_at: string | null;
                            /** @description Last four characters of the secret, for recognition */
                            last4: string;
                            /** @description Name of the key */
                            name: string;
                            /** @description Scopes the key holds */
                            scopes: string[];
                        }[];
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create an API key (the secret is shown once) */
        post: {
            parameters: {
                query?: {
                    /** @description Org to act on (master key only; defaults to the default org) */
                    org_id?: string;
                    /** @description Alias of org_id */
                    orgId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        agent_id?: string | null;
                        expires_at?: string | null;
                        /** @description Name of the key */
                        name: string;
                        /** @description Scopes to grant; never more than the caller holds */
                        scopes: ("teams:read" | "teams:write" | "teams:delete" | "agents:read" | "agents:write" | "agents:delete" | "presence:read" | "presence:write" | "supervisors:read" | "supervisors:write" | "conversations:read" | "conversations:write" | "keys:read" | "keys:write" | "events:read" | "webhooks:read" | "webhooks:write" | "audit:read" | "scim" | "*")[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            agent_id: string | null;
                            /**
                             * Format: date-time
                             * @description Creation timestamp (ISO-8601, UTC)
                             */
                            created_at: string;
                            expires_at: string | null;
                            /**
                             * Format: uuid
                             * @description Key id
                             */
                            id: string;
                            /** @description The secret. Shown in this response only: store it now */
                            key: string;
                            last_used_at: string | null;
                            /** @description Last four characters of the secret, for recognition */
                            last4: string;
                            /** @description Name of the key */
                            name: string;
                            /** @description Scopes the key holds */
                            scopes: string[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an API key (never the secret) */
        get: {
            parameters: {
                query?: {
                    /** @description Org to act on (master key only; defaults to the default org) */
                    org_id?: string;
                    /** @description Alias of org_id */
                    orgId?: string;
                };
                header?: never;
                path: {
                    /** @description The key ID */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            agent_id: string | null;
                            /**
                             * Format: date-time
                             * @description Creation timestamp (ISO-8601, UTC)
                             */
                            created_at: string;
                            expires_at: string | null;
                            /**
                             * Format: uuid
                             * @description Key id
                             */
                            id: string;
                            last_used_at: string | null;
                            /** @description Last four characters of the secret, for recognition */
                            last4: string;
                            /** @description Name of the key */
                            name: string;
                            /** @description Scopes the key holds */
                            scopes: string[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Revoke an API key at once */
        delete: {
            parameters: {
                query?: {
                    /** @description Org to act on (master key only; defaults to the default org) */
                    org_id?: string;
                    /** @description Alias of org_id */
                    orgId?: string;
                };
                header?: never;
                path: {
                    /** @description The key ID */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit log, newest first (keyset paged with after) */
        get: {
            parameters: {
                query?: {
                    /** @description Only this action, e.g. team.members_added */
                    action?: string;
                    /** @description Only changes made by this API key or agent */
                    actor_id?: string;
                    /** @description Cursor from Link rel="next" */
                    after?: string;
                    limit?: number;
                    /** @description Org to act on (master key only; defaults to the default org) */
                    org_id?: string;
                    /** @description Alias of org_id */
                    orgId?: string;
                    /** @description Only changes at or after this time (ISO-8601, UTC) */
                    since?: string;
                    /** @description Only changes of this thing */
                    target_id?: string;
                    /** @description Only changes at or before this time (ISO-8601, UTC) */
                    until?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description What was done, e.g. team.members_added */
                            action: string;
                            actor: {
                                agent_id: string | null;
                                key_id: string | null;
                                /** @description master, key or agent */
                                type: string;
                            };
                            /** @description What changed. An update: {field: [before, after]} for each field whose value changed. A creation, deletion, membership or routing change: the event payload (webhook endpoints: [null, value] when created, [value, null] when deleted). Secrets redacted */
                            changes: {
                                [key: string]: unknown;
                            } | null;
                            dialect: string | null;
                            /**
                             * Format: uuid
                             * @description Record id (time-ordered)
                             */
                            id: string;
                            ip: string | null;
                            /**
                             * Format: date-time
                             * @description When the change was made (ISO-8601, UTC)
                             */
                            occurred_at: string;
                            /**
                             * Format: uuid
                             * @description Org of the change
                             */
                            org_id: string;
                            request_id: string | null;
                            target: {
                                id: string | null;
                                type: string | null;
                            };
                            user_agent: string | null;
                        }[];
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit-log/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit log as NDJSON, oldest first, streamed */
        get: {
            parameters: {
                query?: {
                    /** @description Only this action, e.g. team.members_added */
                    action?: string;
                    /** @description Only changes made by this API key or agent */
                    actor_id?: string;
                    /** @description Org to act on (master key only; defaults to the default org) */
                    org_id?: string;
                    /** @description Alias of org_id */
                    orgId?: string;
                    /** @description Only changes at or after this time (ISO-8601, UTC) */
                    since?: string;
                    /** @description Only changes of this thing */
                    target_id?: string;
                    /** @description Only changes at or before this time (ISO-8601, UTC) */
                    until?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description One JSON audit record per line */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/x-ndjson": {
                            /** @description What was done, e.g. team.members_added */
                            action: string;
                            actor: {
                                agent_id: string | null;
                                key_id: string | null;
                                /** @description master, key or agent */
                                type: string;
                            };
                            /** @description What changed. An update: {field: [before, after]} for each field whose value changed. A creation, deletion, membership or routing change: the event payload (webhook endpoints: [null, value] when created, [value, null] when deleted). Secrets redacted */
                            changes: {
                                [key: string]: unknown;
                            } | null;
                            dialect: string | null;
                            /**
                             * Format: uuid
                             * @description Record id (time-ordered)
                             */
                            id: string;
                            ip: string | null;
                            /**
                             * Format: date-time
                             * @description When the change was made (ISO-8601, UTC)
                             */
                            occurred_at: string;
                            /**
                             * Format: uuid
                             * @description Org of the change
                             */
                            org_id: string;
                            request_id: string | null;
                            target: {
                                id: string | null;
                                type: string | null;
                            };
                            user_agent: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/backup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Back up the embedded database (master key)
         * @description A consistent copy of the embedded (PGlite) database as a gzipped tarball, for `npm run restore` with the server stopped. 409 on PostgreSQL, which is backed up with pg_dump.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/conversations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List conversations */
        get: {
            parameters: {
                query?: {
                    /** @description Cursor from the Link rel="next" header */
                    after?: string;
                    /** @description Only conversations assigned to this agent */
                    assignee_id?: string;
                    /** @description Channel of the conversation, e.g. chat, Email, Speak; only agents working it receive it */
                    channel?: string;
                    /** @description Maximum records to return (max 100) */
                    limit?: number;
                    /** @description Same as skip (the name the helpdesk pagination guide uses); wins when both are given */
                    offset?: number;
                    /** @description Org to act on (master key only; defaults to the default org) */
                    org_id?: string;
                    /** @description Alias of org_id */
                    orgId?: string;
                    /** @description Number of records to skip */
                    skip?: number;
                    /** @description queued (waiting for an agent), assigned (counts against its capacity) or closed */
                    status?: "queued" | "assigned" | "closed";
                    /** @description Only conversations of this team */
                    team_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description When it was assigned to its current agent; null while queued */
                            assigned_at: string | null;
                            /** @description Agent it is assigned to (closed conversations keep theirs) */
                            assignee_id: string | null;
                            /** @description Channel, or null for any */
                            channel: string | null;
                            /** @description When it was closed; null while open */
                            closed_at: string | null;
                            /**
                             * Format: date-time
                             * @description Creation timestamp (ISO-8601, UTC)
                             */
                            created_at: string;
                            /** @description The client's own id, unique in the org */
                            external_id: string | null;
                            /**
                             * Format: uuid
                             * @description Conversation id
                             */
                            id: string;
                            /** @description Free-form data of the client */
                            metadata: {
                                [key: string]: unknown;
                            };
                            /** @description Higher leaves the queue first */
                            priority: number;
                            /**
                             * @description queued (waiting for an agent), assigned (counts against its capacity) or closed
                             * @enum {unknown}
                             */
                            status: "queued" | "assigned" | "closed";
                            /** @description Team whose members it is routed to; null when it has none */
                            team_id: string | null;
                            /**
                             * Format: date-time
                             * @description Last modification timestamp (ISO-8601, UTC)
                             */
                            updated_at: string;
                        }[];
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a conversation: routed at once, assigned to agent_id, or queued
         * @description Returns 201 with the conversation as routing left it. A repeated external_id returns the existing conversation with 200 and changes nothing.
         */
        post: {
            parameters: {
                query?: {
                    /** @description Org to act on (master key only; defaults to the default org) */
                    org_id?: string;
                    /** @description Alias of org_id */
                    orgId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Assign it to this agent instead of routing it */
                        agent_id?: string | null;
                        channel?: string | null;
                        external_id?: string | null;
                        /** @description With agent_id: assign even beyond the agent capacity (admins and supervisors only) */
                        force?: boolean;
                        /** @description Free-form data, returned as given */
                        metadata?: {
                            [key: string]: unknown;
                        };
                        /**
                         * @description Higher leaves the queue first
                         * @default 0
                         */
                        priority?: number;
                        /** @description Team to route it to by the team routing mode */
                        team_id?: string | null;
                    };
                };
            };
            responses: {
                /** @description A unit of work (ticket, chat, call) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description When it was assigned to its current agent; null while queued */
                            assigned_at: string | null;
                            /** @description Agent it is assigned to (closed conversations keep theirs) */
                            assignee_id: string | null;
                            /** @description Channel, or null for any */
                            channel: string | null;
                            /** @description When it was closed; null while open */
                            closed_at: string | null;
                            /**
                             * Format: date-time
                             * @description Creation timestamp (ISO-8601, UTC)
                             */
                            created_at: string;
                            /** @description The client's own id, unique in the org */
                            external_id: string | null;
                            /**
                             * Format: uuid
                             * @description Conversation id
                             */
                            id: string;
                            /** @description Free-form data of the client */
                            metadata: {
                                [key: string]: unknown;
                            };
                            /** @description Higher leaves the queue first */
                            priority: number;
                            /**
                             * @description queued (waiting for an agent), assigned (counts against its capacity) or closed
                             * @enum {unknown}
                             */
                            status: "queued" | "assigned" | "closed";
                            /** @description Team whose members it is routed to; null when it has none */
                            team_id: string | null;
                            /**
                             * Format: date-time
                             * @description Last modification timestamp (ISO-8601, UTC)
                             */
                            updated_at: string;
                        };
                    };
                };
                /** @description A unit of work (ticket, chat, call) */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description When it was assigned to its current agent; null while queued */
                            assigned_at: string | null;
                            /** @description Agent it is assigned to (closed conversations keep theirs) */
                            assignee_id: string | null;
                            /** @description Channel, or null for any */
                            channel: string | null;
                            /** @description When it was closed; null while open */
                            closed_at: string | null;
                            /**
                             * Format: date-time
                             * @description Creation timestamp (ISO-8601, UTC)
                             */
                            created_at: string;
                            /** @description The client's own id, unique in the org */
                            external_id: string | null;
                            /**
                             * Format: uuid
                             * @description Conversation id
                             */
                            id: string;
                            /** @description Free-form data of the client */
                            metadata: {
                                [key: string]: unknown;
                            };
                            /** @description Higher leaves the queue first */
                            priority: number;
                            /**
                             * @description queued (waiting for an agent), assigned (counts against its capacity) or closed
                             * @enum {unknown}
                             */
                            status: "queued" | "assigned" | "closed";
                            /** @description Team whose members it is routed to; null when it has none */
                            team_id: string | null;
                            /**
                             * Format: date-time
                             * @description Last modification timestamp (ISO-8601, UTC)
                             */
                            updated_at: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/conversations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a conversation */
        get: {
            parameters: {
                query?: {
                    /** @description Org to act on (master key only; defaults to the default org) */
                    org_id?: string;
                    /** @description Alias of org_id */
                    orgId?: string;
                };
                header?: never;
                path: {
                    /** @description The conversation ID */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A unit of work (ticket, chat, call) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description When it was assigned to its current agent; null while queued */
                            assigned_at: string | null;
                            /** @description Agent it is assigned to (closed conversations keep theirs) */
                            assignee_id: string | null;
                            /** @description Channel, or null for any */
                            channel: string | null;
                            /** @description When it was closed; null while open */
                            closed_at: string | null;
                            /**
                             * Format: date-time
                             * @description Creation timestamp (ISO-8601, UTC)
                             */
                            created_at: string;
                            /** @description The client's own id, unique in the org */
                            external_id: string | null;
                            /**
                             * Format: uuid
                             * @description Conversation id
                             */
                            id: string;
                            /** @description Free-form data of the client */
                            metadata: {
                                [key: string]: unknown;
                            };
                            /** @description Higher leaves the queue first */
                            priority: number;
                            /**
                             * @description queued (waiting for an agent), assigned (counts against its capacity) or closed
                             * @enum {unknown}
                             */
                            status: "queued" | "assigned" | "closed";
                            /** @description Team whose members it is routed to; null when it has none */
                            team_id: string | null;
                            /**
                             * Format: date-time
                             * @description Last modification timestamp (ISO-8601, UTC)
                             */
                            updated_at: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Close a conversation, freeing its agent capacity */
        patch: {
            parameters: {
                query?: {
                    /** @description Org to act on (master key only; defaults to the default org) */
                    org_id?: string;
                    /** @description Alias of org_id */
                    orgId?: string;
                };
                header?: never;
                path: {
                    /** @description The conversation ID */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description closed: ends the conversation and frees its agent capacity
                         * @enum {unknown}
                         */
                        status: "closed";
                    };
                };
            };
            responses: {
                /** @description A unit of work (ticket, chat, call) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description When it was assigned to its current agent; null while queued */
                            assigned_at: string | null;
                            /** @description Agent it is assigned to (closed conversations keep theirs) */
                            assignee_id: string | null;
                            /** @description Channel, or null for any */
                            channel: string | null;
                            /** @description When it was closed; null while open */
                            closed_at: string | null;
                            /**
                             * Format: date-time
                             * @description Creation timestamp (ISO-8601, UTC)
                             */
                            created_at: string;
                            /** @description The client's own id, unique in the org */
                            external_id: string | null;
                            /**
                             * Format: uuid
                             * @description Conversation id
                             */
                            id: string;
                            /** @description Free-form data of the client */
                            metadata: {
                                [key: string]: unknown;
                            };
                            /** @description Higher leaves the queue first */
                            priority: number;
                            /**
                             * @description queued (waiting for an agent), assigned (counts against its capacity) or closed
                             * @enum {unknown}
                             */
                            status: "queued" | "assigned" | "closed";
                            /** @description Team whose members it is routed to; null when it has none */
                            team_id: string | null;
                            /**
                             * Format: date-time
                             * @description Last modification timestamp (ISO-8601, UTC)
                             */
                            updated_at: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/conversations/{id}/transfer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Transfer a conversation to another team and/or agent */
        post: {
            parameters: {
                query?: {
                    /** @description Org to act on (master key only; defaults to the default org) */
                    org_id?: string;
                    /** @description Alias of org_id */
                    orgId?: string;
                };
                header?: never;
                path: {
                    /** @description The conversation ID */
                    id: string;
                };
                cookie?: never;
            };
            /** @description At least one of team_id and agent_id */
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description Agent to assign it to
                         */
                        agent_id?: string;
                        /** @description With agent_id: assign even beyond the agent capacity (admins and supervisors only) */
                        force?: boolean;
                        /**
                         * Format: uuid
                         * @description Team to move it to; routed there again unless agent_id is given
                         */
                        team_id?: string;
                    };
                };
            };
            responses: {
                /** @description A unit of work (ticket, chat, call) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description When it was assigned to its current agent; null while queued */
                            assigned_at: string | null;
                            /** @description Agent it is assigned to (closed conversations keep theirs) */
                            assignee_id: string | null;
                            /** @description Channel, or null for any */
                            channel: string | null;
                            /** @description When it was closed; null while open */
                            closed_at: string | null;
                            /**
                             * Format: date-time
                             * @description Creation timestamp (ISO-8601, UTC)
                             */
                            created_at: string;
                            /** @description The client's own id, unique in the org */
                            external_id: string | null;
                            /**
                             * Format: uuid
                             * @description Conversation id
                             */
                            id: string;
                            /** @description Free-form data of the client */
                            metadata: {
                                [key: string]: unknown;
                            };
                            /** @description Higher leaves the queue first */
                            priority: number;
                            /**
                             * @description queued (waiting for an agent), assigned (counts against its capacity) or closed
                             * @enum {unknown}
                             */
                            status: "queued" | "assigned" | "closed";
                            /** @description Team whose members it is routed to; null when it has none */
                            team_id: string | null;
                            /**
                             * Format: date-time
                             * @description Last modification timestamp (ISO-8601, UTC)
                             */
                            updated_at: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Stream the org events (Server-Sent Events) */
        get: {
            parameters: {
                query?: {
                    /** @description Resume after this event id, as the Last-Event-ID header does (the header wins when both are given) */
                    last_event_id?: string;
                    /** @description Org to act on (master key only; defaults to the default org) */
                    org_id?: string;
                    /** @description Alias of org_id */
                    orgId?: string;
                    /** @description Only events about this team: its team.* events and the agent.* events of its members */
                    team_id?: string;
                    /** @description Comma list of event types to receive; an item ending in .* matches a prefix (e.g. team.*,agent.presence_changed). Default: every type */
                    types?: string;
                };
                header?: {
                    /** @description Id of the last event received: the stream first replays the events after it, in order */
                    "last-event-id"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An endless text/event-stream of events */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": {
                            /** @description Payload of the event type */
                            data: {
                                [key: string]: unknown;
                            };
                            /**
                             * Format: uuid
                             * @description Event id (UUIDv7, time-ordered); also the frame id, for Last-Event-ID
                             */
                            id: string;
                            /**
                             * Format: date-time
                             * @description When the change was made (ISO-8601, UTC)
                             */
                            occurred_at: string;
                            /**
                             * Format: uuid
                             * @description Org the event belongs to
                             */
                            org_id: string;
                            /** @description Event type, e.g. team.members_added; also the frame event name */
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orgs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List orgs (master key) */
        get: {
            parameters: {
                query?: {
                    /** @description Cursor from the Link rel="next" header */
                    after?: string;
                    /** @description Maximum records to return (max 100) */
                    limit?: number;
                    /** @description Same as skip (the name the helpdesk pagination guide uses); wins when both are given */
                    offset?: number;
                    /** @description Org to act on (master key only; defaults to the default org) */
                    org_id?: string;
                    /** @description Alias of org_id */
                    orgId?: string;
                    /** @description Number of records to skip */
                    skip?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description Creation timestamp (ISO-8601, UTC)
                             */
                            created_at: string;
                            /** @description Capacity of agents whose agent and teams set none */
                            default_max_concurrent: number;
                            /**
                             * Format: uuid
                             * @description Org id
                             */
                            id: string;
                            /** @description Org name */
                            name: string;
                            /**
                             * Format: date-time
                             * @description Last modification timestamp (ISO-8601, UTC)
                             */
                            updated_at: string;
                        }[];
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create an org (master key) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Capacity of agents whose agent and teams set none (default 5) */
                        default_max_concurrent?: number;
                        /** @description Org name, 1 to 255 characters */
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description Creation timestamp (ISO-8601, UTC)
                             */
                            created_at: string;
                            /** @description Capacity of agents whose agent and teams set none */
                            default_max_concurrent: number;
                            /**
                             * Format: uuid
                             * @description Org id
                             */
                            id: string;
                            /** @description Org name */
                            name: string;
                            /**
                             * Format: date-time
                             * @description Last modification timestamp (ISO-8601, UTC)
                             */
                            updated_at: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orgs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an org (master key) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The org ID */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description Creation timestamp (ISO-8601, UTC)
                             */
                            created_at: string;
                            /** @description Capacity of agents whose agent and teams set none */
                            default_max_concurrent: number;
                            /**
                             * Format: uuid
                             * @description Org id
                             */
                            id: string;
                            /** @description Org name */
                            name: string;
                            /**
                             * Format: date-time
                             * @description Last modification timestamp (ISO-8601, UTC)
                             */
                            updated_at: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete an org and everything in it (master key) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The org ID */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Rename an org (master key) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The org ID */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Capacity of agents whose agent and teams set none (default 5) */
                        default_max_concurrent?: number;
                        /** @description Org name, 1 to 255 characters */
                        name?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description Creation timestamp (ISO-8601, UTC)
                             */
                            created_at: string;
                            /** @description Capacity of agents whose agent and teams set none */
                            default_max_concurrent: number;
                            /**
                             * Format: uuid
                             * @description Org id
                             */
                            id: string;
                            /** @description Org name */
                            name: string;
                            /**
                             * Format: date-time
                             * @description Last modification timestamp (ISO-8601, UTC)
                             */
                            updated_at: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/people": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Webex: list people (agents), by email, name or id */
        get: {
            parameters: {
                query?: {
                    /** @description Part of the full name or email */
                    displayName?: string;
                    /** @description Exact email address (case-insensitive) */
                    email?: string;
                    /** @description A person id (UUID or Webex base64 PEOPLE id) */
                    id?: string;
                    /** @description Most rows to return (at most 1000) */
                    max?: number;
                    /** @description Org to act on, as a UUID or a Webex base64 ORGANIZATION id */
                    orgId?: string;
                    /** @description Offset of the first row */
                    start?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /**
                                 * Format: date-time
                                 * @description When the agent was created
                                 */
                                created: string;
                                /** @description Full name */
                                displayName: string;
                                /** @description Email addresses: the primary one first */
                                emails: string[];
                                /** @description The agent attribute "extension", when set */
                                extension?: string;
                                /** @description First name */
                                firstName: string;
                                /** @description Webex base64 id of the person */
                                id: string;
                                /**
                                 * @description "true" when the agent was invited and has not joined yet (a string, as Webex types it)
                                 * @enum {unknown}
                                 */
                                invitePending: "true" | "false";
                                /**
                                 * Format: date-time
                                 * @description When the agent last changed
                                 */
                                lastModified: string;
                                /** @description Last name */
                                lastName: string;
                                /**
                                 * @description "false" for a disabled agent (a string, as Webex types it)
                                 * @enum {unknown}
                                 */
                                loginEnabled: "true" | "false";
                                /** @description Webex base64 id of the org */
                                orgId: string;
                                /** @description Phone numbers: the agent phone number, when it has one */
                                phoneNumbers: {
                                    /** @description Always work */
                                    type: string;
                                    value: string;
                                }[];
                                /**
                                 * @description active when the agent is available
                                 * @enum {unknown}
                                 */
                                status: "active" | "inactive";
                                /**
                                 * @description Always person
                                 * @enum {string}
                                 */
                                type: "person";
                            }[];
                        };
                    };
                };
                /** @description Webex's error body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebexError"];
                    };
                };
                /** @description Webex's error body */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebexError"];
                    };
                };
                /** @description Webex's error body */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebexError"];
                    };
                };
                /** @description Webex's error body */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebexError"];
                    };
                };
                /** @description Webex's error body */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebexError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/people/{personId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Webex: get a person (agent) */
        get: {
            parameters: {
                query?: {
                    /** @description Org to act on, as a UUID or a Webex base64 ORGANIZATION id */
                    orgId?: string;
                };
                header?: never;
                path: {
                    /** @description UUID or Webex base64 PEOPLE id */
                    personId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A Roster agent as a Webex person */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description When the agent was created
                             */
                            created: string;
                            /** @description Full name */
                            displayName: string;
                            /** @description Email addresses: the primary one first */
                            emails: string[];
                            /** @description The agent attribute "extension", when set */
                            extension?: string;
                            /** @description First name */
                            firstName: string;
                            /** @description Webex base64 id of the person */
                            id: string;
                            /**
                             * @description "true" when the agent was invited and has not joined yet (a string, as Webex types it)
                             * @enum {unknown}
                             */
                            invitePending: "true" | "false";
                            /**
                             * Format: date-time
                             * @description When the agent last changed
                             */
                            lastModified: string;
                            /** @description Last name */
                            lastName: string;
                            /**
                             * @description "false" for a disabled agent (a string, as Webex types it)
                             * @enum {unknown}
                             */
                            loginEnabled: "true" | "false";
                            /** @description Webex base64 id of the org */
                            orgId: string;
                            /** @description Phone numbers: the agent phone number, when it has one */
                            phoneNumbers: {
                                /** @description Always work */
                                type: string;
                                value: string;
                            }[];
                            /**
                             * @description active when the agent is available
                             * @enum {unknown}
                             */
                            status: "active" | "inactive";
                            /**
                             * @description Always person
                             * @enum {string}
                             */
                            type: "person";
                        };
                    };
                };
                /** @description Webex's error body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebexError"];
                    };
                };
                /** @description Webex's error body */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebexError"];
                    };
                };
                /** @description Webex's error body */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebexError"];
                    };
                };
                /** @description Webex's error body */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebexError"];
                    };
                };
                /** @description Webex's error body */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebexError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/presence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Presence views of the org, filtered and keyset-paged */
        get: {
            parameters: {
                query?: {
                    /** @description Cursor from the Link rel="next" header */
                    after?: string;
                    /** @description Whether a device sent a heartbeat within the TTL */
                    connection?: "online" | "offline";
                    /** @description Derived: offline (no live device), away (not available), busy (at capacity), available */
                    effective_status?: "offline" | "away" | "busy" | "available";
                    /** @description `agent` adds each agent's id, name, email and role, so a board needs no second list */
                    expand?: "agent";
                    /** @description Page size (max 1000, more than other lists: boards read every agent) */
                    limit?: number;
                    /** @description Org to act on (master key only; defaults to the default org) */
                    org_id?: string;
                    /** @description Alias of org_id */
                    orgId?: string;
                    /** @description Only members of this team */
                    team_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Channels reported by live devices */
                            active_channels: string[];
                            /** @description Open conversations assigned to the agent */
                            active_conversations: number;
                            /** @description Who the agent is; only with `expand=agent` */
                            agent?: {
                                /** @description The agent's email */
                                email: string;
                                /** @description The agent's full name */
                                full_name: string;
                                /**
                                 * Format: uuid
                                 * @description Agent id
                                 */
                                id: string;
                                /** @description The agent's role */
                                role: string;
                            };
                            /**
                             * Format: uuid
                             * @description Agent id
                             */
                            agent_id: string;
                            /** @description The agent's own available switch */
                            available: boolean;
                            /** @description Resolved capacity: agent, else team default, else org default */
                            capacity: number;
                            changed_at: string | null;
                            /** @description Channel working flags */
                            channels: {
                                [key: string]: boolean;
                            };
                            /**
                             * @description Whether a device sent a heartbeat within the TTL
                             * @enum {unknown}
                             */
                            connection: "online" | "offline";
                            /**
                             * @description Derived: offline (no live device), away (not available), busy (at capacity), available
                             * @enum {unknown}
                             */
                            effective_status: "offline" | "away" | "busy" | "available";
                            last_seen: string | null;
                            /**
                             * Format: date-time
                             * @description When this view was computed (ISO-8601, UTC)
                             */
                            request_time: string;
                            /** @description Chosen status key: working, away or one of the org */
                            status: string;
                        }[];
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/presence-statuses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List presence statuses (built-in first) */
        get: {
            parameters: {
                query?: {
                    /** @description Org to act on (master key only; defaults to the default org) */
                    org_id?: string;
                    /** @description Alias of org_id */
                    orgId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Whether agents in this status take work */
                            available: boolean;
                            /** @description working and away exist in every org and cannot change */
                            built_in: boolean;
                            /** @description Status key */
                            key: string;
                            /** @description Display label */
                            label: string;
                        }[];
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create a presence status */
        post: {
            parameters: {
                query?: {
                    /** @description Org to act on (master key only; defaults to the default org) */
                    org_id?: string;
                    /** @description Alias of org_id */
                    orgId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Whether agents in this status take work */
                        available: boolean;
                        /** @description Status key: letters, digits, _ . - (up to 64) */
                        key: string;
                        /** @description Display label */
                        label: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Whether agents in this status take work */
                            available: boolean;
                            /** @description working and away exist in every org and cannot change */
                            built_in: boolean;
                            /** @description Status key */
                            key: string;
                            /** @description Display label */
                            label: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/presence-statuses/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a presence status; its agents move to away */
        delete: {
            parameters: {
                query?: {
                    /** @description Org to act on (master key only; defaults to the default org) */
                    org_id?: string;
                    /** @description Alias of org_id */
                    orgId?: string;
                };
                header?: never;
                path: {
                    /** @description Status key: letters, digits, _ . - (up to 64) */
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change the label or availability of a presence status */
        patch: {
            parameters: {
                query?: {
                    /** @description Org to act on (master key only; defaults to the default org) */
                    org_id?: string;
                    /** @description Alias of org_id */
                    orgId?: string;
                };
                header?: never;
                path: {
                    /** @description Status key: letters, digits, _ . - (up to 64) */
                    key: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Whether agents in this status take work */
                        available?: boolean;
                        /** @description Display label */
                        label?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Whether agents in this status take work */
                            available: boolean;
                            /** @description working and away exist in every org and cannot change */
                            built_in: boolean;
                            /** @description Status key */
                            key: string;
                            /** @description Display label */
                            label: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in: exchange an API key for a session cookie (HttpOnly, SameSite=Strict) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description An API key or the master key */
                        key: string;
                        /**
                         * Format: uuid
                         * @description Org to act on (master key only; defaults to the default org)
                         */
                        org_id?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            agent: {
                                /**
                                 * Format: uuid
                                 * @description Agent the key acts as
                                 */
                                id: string;
                                /** @description Role of that agent: owner, admin, supervisor or agent */
                                role: string;
                            } | null;
                            /** @description Header every write made with the session cookie must carry */
                            csrf_header: string;
                            expires_at: string | null;
                            /** @description Signed in with the master key: every org is reachable */
                            is_master: boolean;
                            key_id: string | null;
                            /**
                             * Format: uuid
                             * @description Org the session acts on
                             */
                            org_id: string;
                            /** @description Scopes the key holds */
                            scopes: string[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sessions/current": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who is signed in: the org, scopes and agent role of the session (or key) */
        get: {
            parameters: {
                query?: {
                    /** @description Org to act on (master key only; defaults to the default org) */
                    org_id?: string;
                    /** @description Alias of org_id */
                    orgId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            agent: {
                                /**
                                 * Format: uuid
                                 * @description Agent the key acts as
                                 */
                                id: string;
                                /** @description Role of that agent: owner, admin, supervisor or agent */
                                role: string;
                            } | null;
                            /** @description Header every write made with the session cookie must carry */
                            csrf_header: string;
                            expires_at: string | null;
                            /** @description Signed in with the master key: every org is reachable */
                            is_master: boolean;
                            key_id: string | null;
                            /**
                             * Format: uuid
                             * @description Org the session acts on
                             */
                            org_id: string;
                            /** @description Scopes the key holds */
                            scopes: string[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Sign out: end the session and clear its cookie */
        delete: {
            parameters: {
                query?: {
                    /** @description Org to act on (master key only; defaults to the default org) */
                    org_id?: string;
                    /** @description Alias of org_id */
                    orgId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/supervisors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List supervisors with the number of agents each monitors */
        get: {
            parameters: {
                query?: {
                    /** @description Cursor from the Link rel="next" header */
                    after?: string;
                    /** @description Maximum records to return (max 100) */
                    limit?: number;
                    /** @description Same as skip (the name the helpdesk pagination guide uses); wins when both are given */
                    offset?: number;
                    /** @description Org to act on (master key only; defaults to the default org) */
                    org_id?: string;
                    /** @description Alias of org_id */
                    orgId?: string;
                    /** @description Number of records to skip */
                    skip?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Number of agents this supervisor monitors */
                            agent_count: number;
                            /** @description Email */
                            email: string;
                            /** @description Full name */
                            full_name: string;
                            /**
                             * Format: uuid
                             * @description Agent id
                             */
                            id: string;
                            phone_number: string | null;
                            /** @description owner, admin, supervisor or agent */
                            role: string;
                            /** @description active, invited or disabled */
                            status: string;
                        }[];
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/supervisors/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Unassign every agent of a supervisor */
        delete: {
            parameters: {
                query?: {
                    /** @description Org to act on (master key only; defaults to the default org) */
                    org_id?: string;
                    /** @description Alias of org_id */
                    orgId?: string;
                };
                header?: never;
                path: {
                    /** @description The supervisor (an agent id) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/supervisors/{id}/agents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the agents a supervisor monitors */
        get: {
            parameters: {
                query?: {
                    /** @description Cursor from the Link rel="next" header */
                    after?: string;
                    /** @description Maximum records to return (max 100) */
                    limit?: number;
                    /** @description Same as skip (the name the helpdesk pagination guide uses); wins when both are given */
                    offset?: number;
                    /** @description Org to act on (master key only; defaults to the default org) */
                    org_id?: string;
                    /** @description Alias of org_id */
                    orgId?: string;
                    /** @description Number of records to skip */
                    skip?: number;
                };
                header?: never;
                path: {
                    /** @description The supervisor (an agent id) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description When the agent was assigned to the supervisor (ISO-8601, UTC)
                             */
                            assigned_at: string;
                            /** @description Email */
                            email: string;
                            /** @description Full name */
                            full_name: string;
                            /**
                             * Format: uuid
                             * @description Agent id
                             */
                            id: string;
                            phone_number: string | null;
                            /** @description owner, admin, supervisor or agent */
                            role: string;
                            /** @description active, invited or disabled */
                            status: string;
                        }[];
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Assign and unassign many agents of a supervisor in one transaction */
        patch: {
            parameters: {
                query?: {
                    /** @description Org to act on (master key only; defaults to the default org) */
                    org_id?: string;
                    /** @description Alias of org_id */
                    orgId?: string;
                };
                header?: never;
                path: {
                    /** @description The supervisor (an agent id) */
                    id: string;
                };
                cookie?: never;
            };
            /** @description At most 1000 ids in add and remove together */
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description Agents to assign to the supervisor
                         * @default []
                         */
                        add?: string[];
                        /**
                         * @description Agents to unassign
                         * @default []
                         */
                        remove?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description One entry per id, in request order (add first, then remove) */
                            results: {
                                /**
                                 * @description Which list the id came from
                                 * @enum {unknown}
                                 */
                                action: "add" | "remove";
                                /**
                                 * Format: uuid
                                 * @description Agent id as given
                                 */
                                id: string;
                                /**
                                 * @description What happened to this id; not_available: the supervisor itself, or a disabled agent
                                 * @enum {unknown}
                                 */
                                status: "added" | "removed" | "duplicate" | "not_member" | "not_found" | "not_available";
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/teams": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List teams */
        get: {
            parameters: {
                query?: {
                    /** @description Cursor from the Link rel="next" header */
                    after?: string;
                    /** @description true: archived teams only; false (default): teams that are not archived */
                    archived?: boolean;
                    /** @description Only enabled (true) or disabled (false) teams */
                    enabled?: boolean;
                    /** @description Maximum records to return (max 100) */
                    limit?: number;
                    /** @description Same as skip (the name the helpdesk pagination guide uses); wins when both are given */
                    offset?: number;
                    /** @description Org to act on (master key only; defaults to the default org) */
                    org_id?: string;
                    /** @description Alias of org_id */
                    orgId?: string;
                    /** @description Number of records to skip */
                    skip?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description When the team was archived; null while it is not */
                            archived_at: string | null;
                            /**
                             * Format: date-time
                             * @description Creation timestamp (ISO-8601, UTC)
                             */
                            created_at: string;
                            /** @description Default capacity of members; null uses the org default */
                            default_max_concurrent: number | null;
                            description: string | null;
                            email: string | null;
                            /** @description A disabled team takes no new work */
                            enabled: boolean;
                            /**
                             * Format: uuid
                             * @description Unique team identifier
                             */
                            id: string;
                            /** @description Number of members */
                            member_count: number;
                            /** @description Team name */
                            name: string;
                            /**
                             * @description How queued work reaches members: least_busy (fewest active, then longest idle), round_robin (next member in order after the last assigned) or manual (stays queued until assigned)
                             * @enum {unknown}
                             */
                            routing: "manual" | "round_robin" | "least_busy";
                            /** @description Offered to customers leaving an offline message */
                            show_on_offline_form: boolean;
                            /** @description Offered to customers starting a conversation */
                            show_on_registration: boolean;
                            /**
                             * Format: date-time
                             * @description Last modification timestamp (ISO-8601, UTC)
                             */
                            updated_at: string;
                        }[];
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create a team */
        post: {
            parameters: {
                query?: {
                    /** @description Org to act on (master key only; defaults to the default org) */
                    org_id?: string;
                    /** @description Alias of org_id */
                    orgId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Capacity of members that set none of their own (0 to 1000); null uses the org default */
                        default_max_concurrent?: number | null;
                        description?: string | null;
                        email?: string | null;
                        /** @description A disabled team takes no new work (default true) */
                        enabled?: boolean;
                        /** @description Team name, unique in the org (case-insensitive), 1 to 255 characters */
                        name: string;
                        /**
                         * @description How queued work reaches members: least_busy (fewest active, then longest idle), round_robin (next member in order after the last assigned) or manual (stays queued until assigned)
                         * @enum {unknown}
                         */
                        routing?: "manual" | "round_robin" | "least_busy";
                        /** @description Offered to customers leaving an offline message (default true) */
                        show_on_offline_form?: boolean;
                        /** @description Offered to customers starting a conversation (default true) */
                        show_on_registration?: boolean;
                    };
                };
            };
            responses: {
                /** @description A team with its members */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description When the team was archived; null while it is not */
                            archived_at: string | null;
                            /**
                             * Format: date-time
                             * @description Creation timestamp (ISO-8601, UTC)
                             */
                            created_at: string;
                            /** @description Default capacity of members; null uses the org default */
                            default_max_concurrent: number | null;
                            description: string | null;
                            email: string | null;
                            /** @description A disabled team takes no new work */
                            enabled: boolean;
                            /**
                             * Format: uuid
                             * @description Unique team identifier
                             */
                            id: string;
                            /** @description Number of members */
                            member_count: number;
                            /** @description List of team members */
                            members: {
                                /** @description Agent email */
                                email: string;
                                /** @description Agent full name */
                                full_name: string;
                                /**
                                 * Format: uuid
                                 * @description Agent id
                                 */
                                id: string;
                                /** @description Place of the member in the team: lower first */
                                priority: number;
                            }[];
                            /** @description Team name */
                            name: string;
                            /**
                             * @description How queued work reaches members: least_busy (fewest active, then longest idle), round_robin (next member in order after the last assigned) or manual (stays queued until assigned)
                             * @enum {unknown}
                             */
                            routing: "manual" | "round_robin" | "least_busy";
                            /** @description Offered to customers leaving an offline message */
                            show_on_offline_form: boolean;
                            /** @description Offered to customers starting a conversation */
                            show_on_registration: boolean;
                            /**
                             * Format: date-time
                             * @description Last modification timestamp (ISO-8601, UTC)
                             */
                            updated_at: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/teams/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a team with its members (ETag: its version, for If-Match) */
        get: {
            parameters: {
                query?: {
                    /** @description Org to act on (master key only; defaults to the default org) */
                    org_id?: string;
                    /** @description Alias of org_id */
                    orgId?: string;
                };
                header?: never;
                path: {
                    /** @description The team ID */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A team with its members */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description When the team was archived; null while it is not */
                            archived_at: string | null;
                            /**
                             * Format: date-time
                             * @description Creation timestamp (ISO-8601, UTC)
                             */
                            created_at: string;
                            /** @description Default capacity of members; null uses the org default */
                            default_max_concurrent: number | null;
                            description: string | null;
                            email: string | null;
                            /** @description A disabled team takes no new work */
                            enabled: boolean;
                            /**
                             * Format: uuid
                             * @description Unique team identifier
                             */
                            id: string;
                            /** @description Number of members */
                            member_count: number;
                            /** @description List of team members */
                            members: {
                                /** @description Agent email */
                                email: string;
                                /** @description Agent full name */
                                full_name: string;
                                /**
                                 * Format: uuid
                                 * @description Agent id
                                 */
                                id: string;
                                /** @description Place of the member in the team: lower first */
                                priority: number;
                            }[];
                            /** @description Team name */
                            name: string;
                            /**
                             * @description How queued work reaches members: least_busy (fewest active, then longest idle), round_robin (next member in order after the last assigned) or manual (stays queued until assigned)
                             * @enum {unknown}
                             */
                            routing: "manual" | "round_robin" | "least_busy";
                            /** @description Offered to customers leaving an offline message */
                            show_on_offline_form: boolean;
                            /** @description Offered to customers starting a conversation */
                            show_on_registration: boolean;
                            /**
                             * Format: date-time
                             * @description Last modification timestamp (ISO-8601, UTC)
                             */
                            updated_at: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a team (If-Match: only if still at that ETag, else 412) */
        delete: {
            parameters: {
                query?: {
                    /** @description Org to act on (master key only; defaults to the default org) */
                    org_id?: string;
                    /** @description Alias of org_id */
                    orgId?: string;
                };
                header?: never;
                path: {
                    /** @description The team ID */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Update a team (If-Match: only if still at that ETag, else 412) */
        patch: {
            parameters: {
                query?: {
                    /** @description Org to act on (master key only; defaults to the default org) */
                    org_id?: string;
                    /** @description Alias of org_id */
                    orgId?: string;
                };
                header?: never;
                path: {
                    /** @description The team ID */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description true archives the team (hidden from default listings), false restores it */
                        archived?: boolean;
                        /** @description Capacity of members that set none of their own (0 to 1000); null uses the org default */
                        default_max_concurrent?: number | null;
                        description?: string | null;
                        email?: string | null;
                        /** @description A disabled team takes no new work (default true) */
                        enabled?: boolean;
                        /** @description Team name, unique in the org (case-insensitive), 1 to 255 characters */
                        name?: string;
                        /**
                         * @description How queued work reaches members: least_busy (fewest active, then longest idle), round_robin (next member in order after the last assigned) or manual (stays queued until assigned)
                         * @enum {unknown}
                         */
                        routing?: "manual" | "round_robin" | "least_busy";
                        /** @description Offered to customers leaving an offline message (default true) */
                        show_on_offline_form?: boolean;
                        /** @description Offered to customers starting a conversation (default true) */
                        show_on_registration?: boolean;
                    };
                };
            };
            responses: {
                /** @description A team with its members */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description When the team was archived; null while it is not */
                            archived_at: string | null;
                            /**
                             * Format: date-time
                             * @description Creation timestamp (ISO-8601, UTC)
                             */
                            created_at: string;
                            /** @description Default capacity of members; null uses the org default */
                            default_max_concurrent: number | null;
                            description: string | null;
                            email: string | null;
                            /** @description A disabled team takes no new work */
                            enabled: boolean;
                            /**
                             * Format: uuid
                             * @description Unique team identifier
                             */
                            id: string;
                            /** @description Number of members */
                            member_count: number;
                            /** @description List of team members */
                            members: {
                                /** @description Agent email */
                                email: string;
                                /** @description Agent full name */
                                full_name: string;
                                /**
                                 * Format: uuid
                                 * @description Agent id
                                 */
                                id: string;
                                /** @description Place of the member in the team: lower first */
                                priority: number;
                            }[];
                            /** @description Team name */
                            name: string;
                            /**
                             * @description How queued work reaches members: least_busy (fewest active, then longest idle), round_robin (next member in order after the last assigned) or manual (stays queued until assigned)
                             * @enum {unknown}
                             */
                            routing: "manual" | "round_robin" | "least_busy";
                            /** @description Offered to customers leaving an offline message */
                            show_on_offline_form: boolean;
                            /** @description Offered to customers starting a conversation */
                            show_on_registration: boolean;
                            /**
                             * Format: date-time
                             * @description Last modification timestamp (ISO-8601, UTC)
                             */
                            updated_at: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/teams/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the members of a team */
        get: {
            parameters: {
                query?: {
                    /** @description Cursor from the Link rel="next" header */
                    after?: string;
                    /** @description Maximum records to return (max 100) */
                    limit?: number;
                    /** @description Same as skip (the name the helpdesk pagination guide uses); wins when both are given */
                    offset?: number;
                    /** @description Org to act on (master key only; defaults to the default org) */
                    org_id?: string;
                    /** @description Alias of org_id */
                    orgId?: string;
                    /** @description Number of records to skip */
                    skip?: number;
                };
                header?: never;
                path: {
                    /** @description The team ID */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Agent email */
                            email: string;
                            /** @description Agent full name */
                            full_name: string;
                            /**
                             * Format: uuid
                             * @description Agent id
                             */
                            id: string;
                            /** @description Place of the member in the team: lower first */
                            priority: number;
                        }[];
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Add a member */
        post: {
            parameters: {
                query?: {
                    /** @description Org to act on (master key only; defaults to the default org) */
                    org_id?: string;
                    /** @description Alias of org_id */
                    orgId?: string;
                };
                header?: never;
                path: {
                    /** @description The team ID */
                    id: string;
                };
                cookie?: never;
            };
            /** @description Names the agent by agent_id (or, as earlier clients do, user_id) */
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description Id of the agent to add (required unless user_id is given)
                         */
                        agent_id?: string;
                        /** @description Place of the member in the team: lower first (default 0) */
                        priority?: number;
                        /**
                         * Format: uuid
                         * @description The same as agent_id, the name earlier clients send; if both are given they must be equal
                         */
                        user_id?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Agent email */
                            email: string;
                            /** @description Agent full name */
                            full_name: string;
                            /**
                             * Format: uuid
                             * @description Agent id
                             */
                            id: string;
                            /** @description Place of the member in the team: lower first */
                            priority: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        /** Add and remove many members in one transaction */
        patch: {
            parameters: {
                query?: {
                    /** @description Org to act on (master key only; defaults to the default org) */
                    org_id?: string;
                    /** @description Alias of org_id */
                    orgId?: string;
                };
                header?: never;
                path: {
                    /** @description The team ID */
                    id: string;
                };
                cookie?: never;
            };
            /** @description At most 1000 ids in add and remove together */
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description Agents to add
                         * @default []
                         */
                        add?: string[];
                        /**
                         * @description Agents to remove
                         * @default []
                         */
                        remove?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description One entry per id, in request order (add first, then remove) */
                            results: {
                                /**
                                 * @description Which list the id came from
                                 * @enum {unknown}
                                 */
                                action: "add" | "remove";
                                /**
                                 * Format: uuid
                                 * @description Agent id as given
                                 */
                                id: string;
                                /**
                                 * @description What happened to this id
                                 * @enum {unknown}
                                 */
                                status: "added" | "removed" | "duplicate" | "not_member" | "not_found";
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/teams/{id}/members/{agent_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a member */
        delete: {
            parameters: {
                query?: {
                    /** @description Org to act on (master key only; defaults to the default org) */
                    org_id?: string;
                    /** @description Alias of org_id */
                    orgId?: string;
                };
                header?: never;
                path: {
                    /** @description The agent ID */
                    agent_id: string;
                    /** @description The team ID */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a member's priority */
        patch: {
            parameters: {
                query?: {
                    /** @description Org to act on (master key only; defaults to the default org) */
                    org_id?: string;
                    /** @description Alias of org_id */
                    orgId?: string;
                };
                header?: never;
                path: {
                    /** @description The agent ID */
                    agent_id: string;
                    /** @description The team ID */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Place of the member in the team: lower first (default 0) */
                        priority: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Agent email */
                            email: string;
                            /** @description Agent full name */
                            full_name: string;
                            /**
                             * Format: uuid
                             * @description Agent id
                             */
                            id: string;
                            /** @description Place of the member in the team: lower first */
                            priority: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/teams/{id}/presence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Presence views of a team's members */
        get: {
            parameters: {
                query?: {
                    /** @description Cursor from the Link rel="next" header */
                    after?: string;
                    /** @description Whether a device sent a heartbeat within the TTL */
                    connection?: "online" | "offline";
                    /** @description Derived: offline (no live device), away (not available), busy (at capacity), available */
                    effective_status?: "offline" | "away" | "busy" | "available";
                    /** @description `agent` adds each agent's id, name, email and role, so a board needs no second list */
                    expand?: "agent";
                    /** @description Page size (max 1000, more than other lists: boards read every agent) */
                    limit?: number;
                    /** @description Org to act on (master key only; defaults to the default org) */
                    org_id?: string;
                    /** @description Alias of org_id */
                    orgId?: string;
                };
                header?: never;
                path: {
                    /** @description The team ID */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Channels reported by live devices */
                            active_channels: string[];
                            /** @description Open conversations assigned to the agent */
                            active_conversations: number;
                            /** @description Who the agent is; only with `expand=agent` */
                            agent?: {
                                /** @description The agent's email */
                                email: string;
                                /** @description The agent's full name */
                                full_name: string;
                                /**
                                 * Format: uuid
                                 * @description Agent id
                                 */
                                id: string;
                                /** @description The agent's role */
                                role: string;
                            };
                            /**
                             * Format: uuid
                             * @description Agent id
                             */
                            agent_id: string;
                            /** @description The agent's own available switch */
                            available: boolean;
                            /** @description Resolved capacity: agent, else team default, else org default */
                            capacity: number;
                            changed_at: string | null;
                            /** @description Channel working flags */
                            channels: {
                                [key: string]: boolean;
                            };
                            /**
                             * @description Whether a device sent a heartbeat within the TTL
                             * @enum {unknown}
                             */
                            connection: "online" | "offline";
                            /**
                             * @description Derived: offline (no live device), away (not available), busy (at capacity), available
                             * @enum {unknown}
                             */
                            effective_status: "offline" | "away" | "busy" | "available";
                            last_seen: string | null;
                            /**
                             * Format: date-time
                             * @description When this view was computed (ISO-8601, UTC)
                             */
                            request_time: string;
                            /** @description Chosen status key: working, away or one of the org */
                            status: string;
                        }[];
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/telephony/config/supervisors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Webex: list supervisors */
        get: {
            parameters: {
                query?: {
                    /** @description Customer Experience Essentials flavour; accepted and echoed, Roster has one flavour */
                    hasCxEssentials?: boolean;
                    /** @description Most rows to return (at most 1000) */
                    max?: number;
                    /** @description Part of the first, last or full name */
                    name?: string;
                    /** @description Sort order; by id when absent */
                    order?: "firstName" | "lastName" | "firstName-desc" | "lastName-desc";
                    /** @description Org to act on, as a UUID or a Webex base64 ORGANIZATION id: picks the org for the master key, and must be the key's own org otherwise */
                    orgId?: string;
                    /** @description Part of the phone number */
                    phoneNumber?: string;
                    /** @description Offset of the first row (0-based) */
                    start?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Supervisors: people monitoring at least one agent */
                            supervisors: {
                                /** @description Number of agents the supervisor monitors */
                                agentCount: number;
                                /** @description Extension: the agent attribute "extension", when set */
                                extension?: string;
                                /** @description First name */
                                firstName: string;
                                /** @description The hasCxEssentials of the request (false when absent) */
                                hasCxEssentials: boolean;
                                /** @description Webex base64 id of the person */
                                id: string;
                                /** @description Last name */
                                lastName: string;
                                /** @description Phone number, when the agent has one */
                                phoneNumber?: string;
                            }[];
                        };
                    };
                };
                /** @description Webex's error body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebexError"];
                    };
                };
                /** @description Webex's error body */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebexError"];
                    };
                };
                /** @description Webex's error body */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebexError"];
                    };
                };
                /** @description Webex's error body */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebexError"];
                    };
                };
                /** @description Webex's error body */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebexError"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Webex: create a supervisor with at least one agent
         * @description Creates the supervisor with the agents that can be assigned: 201 when all were, else 206 with the ones that were not. A person who supervises agents already is a 409: change it with PUT.
         */
        post: {
            parameters: {
                query?: {
                    /** @description Customer Experience Essentials flavour; accepted and echoed, Roster has one flavour */
                    hasCxEssentials?: boolean;
                    /** @description Org to act on, as a UUID or a Webex base64 ORGANIZATION id: picks the org for the master key, and must be the key's own org otherwise */
                    orgId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Agents to assign: at least one, at most 1000 */
                        agents: {
                            /** @description The agent: a UUID, or the Webex base64 id of ciscospark://us/PEOPLE/<uuid> */
                            id: string;
                        }[];
                        /** @description The person who becomes a supervisor: a UUID, or the Webex base64 id of ciscospark://us/PEOPLE/<uuid> */
                        id: string;
                    };
                };
            };
            responses: {
                /** @description No Content */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                206: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description One entry per agent whose action did not apply */
                            supervisorAgentStatus: {
                                /** @description Webex base64 id of the agent */
                                id: string;
                                /** @description Detailed message for the status */
                                message: string;
                                /**
                                 * @description What kept the action from applying
                                 * @enum {unknown}
                                 */
                                status: "DUPLICATE" | "NOT_AVAILABLE" | "NOT_FOUND";
                            }[];
                        };
                    };
                };
                /** @description Webex's error body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebexError"];
                    };
                };
                /** @description Webex's error body */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebexError"];
                    };
                };
                /** @description Webex's error body */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebexError"];
                    };
                };
                /** @description Webex's error body */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebexError"];
                    };
                };
                /** @description Webex's error body */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebexError"];
                    };
                };
                /** @description Webex's error body */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebexError"];
                    };
                };
                /** @description Webex's error body */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebexError"];
                    };
                };
                /** @description Webex's error body */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebexError"];
                    };
                };
            };
        };
        /**
         * Webex: delete supervisors in bulk
         * @description Unassigns every agent of the named supervisors, or with deleteAll of every supervisor.
         */
        delete: {
            parameters: {
                query?: {
                    /** @description Customer Experience Essentials flavour; accepted and echoed, Roster has one flavour */
                    hasCxEssentials?: boolean;
                    /** @description Org to act on, as a UUID or a Webex base64 ORGANIZATION id: picks the org for the master key, and must be the key's own org otherwise */
                    orgId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Delete every supervisor of the org */
                        deleteAll?: boolean;
                        /** @description Supervisors to delete (ignored with deleteAll); required without it */
                        supervisorIds?: string[];
                        /** @description Alias of supervisorIds, as Webex's Python SDK spells it */
                        supervisorsIds?: string[];
                    };
                };
            };
            responses: {
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Webex's error body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebexError"];
                    };
                };
                /** @description Webex's error body */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebexError"];
                    };
                };
                /** @description Webex's error body */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebexError"];
                    };
                };
                /** @description Webex's error body */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebexError"];
                    };
                };
                /** @description Webex's error body */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebexError"];
                    };
                };
                /** @description Webex's error body */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebexError"];
                    };
                };
                /** @description Webex's error body */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebexError"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/telephony/config/supervisors/{supervisorId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Webex: get a supervisor and its agents */
        get: {
            parameters: {
                query?: {
                    /** @description Customer Experience Essentials flavour; accepted and echoed, Roster has one flavour */
                    hasCxEssentials?: boolean;
                    /** @description Most rows to return (at most 1000) */
                    max?: number;
                    /** @description Part of the first, last or full name */
                    name?: string;
                    /** @description Sort order; by id when absent */
                    order?: "firstName" | "lastName" | "firstName-desc" | "lastName-desc";
                    /** @description Org to act on, as a UUID or a Webex base64 ORGANIZATION id: picks the org for the master key, and must be the key's own org otherwise */
                    orgId?: string;
                    /** @description Part of the phone number */
                    phoneNumber?: string;
                    /** @description Offset of the first row (0-based) */
                    start?: number;
                };
                header?: never;
                path: {
                    /** @description The supervisor: a UUID, or the Webex base64 id of ciscospark://us/PEOPLE/<uuid> */
                    supervisorId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Agents the supervisor monitors */
                            agents: {
                                /** @description Extension: the agent attribute "extension", when set */
                                extension?: string;
                                /** @description First name */
                                firstName: string;
                                /** @description Webex base64 id of the person */
                                id: string;
                                /** @description Last name */
                                lastName: string;
                                /** @description Phone number, when the agent has one */
                                phoneNumber?: string;
                            }[];
                            /** @description Webex base64 id of the supervisor */
                            id: string;
                        };
                    };
                };
                /** @description Webex's error body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebexError"];
                    };
                };
                /** @description Webex's error body */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebexError"];
                    };
                };
                /** @description Webex's error body */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebexError"];
                    };
                };
                /** @description Webex's error body */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebexError"];
                    };
                };
                /** @description Webex's error body */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebexError"];
                    };
                };
            };
        };
        /**
         * Webex: assign or unassign agents of a supervisor
         * @description Applies every action that can apply: 204 when all did, else 206 with the ones that did not (DUPLICATE, NOT_AVAILABLE, NOT_FOUND).
         */
        put: {
            parameters: {
                query?: {
                    /** @description Customer Experience Essentials flavour; accepted and echoed, Roster has one flavour */
                    hasCxEssentials?: boolean;
                    /** @description Org to act on, as a UUID or a Webex base64 ORGANIZATION id: picks the org for the master key, and must be the key's own org otherwise */
                    orgId?: string;
                };
                header?: never;
                path: {
                    /** @description The supervisor: a UUID, or the Webex base64 id of ciscospark://us/PEOPLE/<uuid> */
                    supervisorId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Agents to assign or unassign: at least one, at most 1000 */
                        agents: {
                            /**
                             * @description ADD assigns the agent, DELETE unassigns it
                             * @enum {unknown}
                             */
                            action: "ADD" | "DELETE";
                            /** @description The agent: a UUID, or the Webex base64 id of ciscospark://us/PEOPLE/<uuid> */
                            id: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                206: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description One entry per agent whose action did not apply */
                            supervisorAgentStatus: {
                                /** @description Webex base64 id of the agent */
                                id: string;
                                /** @description Detailed message for the status */
                                message: string;
                                /**
                                 * @description What kept the action from applying
                                 * @enum {unknown}
                                 */
                                status: "DUPLICATE" | "NOT_AVAILABLE" | "NOT_FOUND";
                            }[];
                        };
                    };
                };
                /** @description Webex's error body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebexError"];
                    };
                };
                /** @description Webex's error body */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebexError"];
                    };
                };
                /** @description Webex's error body */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebexError"];
                    };
                };
                /** @description Webex's error body */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebexError"];
                    };
                };
                /** @description Webex's error body */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebexError"];
                    };
                };
                /** @description Webex's error body */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebexError"];
                    };
                };
                /** @description Webex's error body */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebexError"];
                    };
                };
                /** @description Webex's error body */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebexError"];
                    };
                };
            };
        };
        post?: never;
        /**
         * Webex: delete a supervisor
         * @description Unassigns every agent of the supervisor.
         */
        delete: {
            parameters: {
                query?: {
                    /** @description Customer Experience Essentials flavour; accepted and echoed, Roster has one flavour */
                    hasCxEssentials?: boolean;
                    /** @description Org to act on, as a UUID or a Webex base64 ORGANIZATION id: picks the org for the master key, and must be the key's own org otherwise */
                    orgId?: string;
                };
                header?: never;
                path: {
                    /** @description The supervisor: a UUID, or the Webex base64 id of ciscospark://us/PEOPLE/<uuid> */
                    supervisorId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Webex's error body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebexError"];
                    };
                };
                /** @description Webex's error body */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebexError"];
                    };
                };
                /** @description Webex's error body */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebexError"];
                    };
                };
                /** @description Webex's error body */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebexError"];
                    };
                };
                /** @description Webex's error body */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebexError"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/telephony/config/supervisors/availableAgents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Webex: list agents who may be assigned to a supervisor */
        get: {
            parameters: {
                query?: {
                    /** @description Customer Experience Essentials flavour; accepted and echoed, Roster has one flavour */
                    hasCxEssentials?: boolean;
                    /** @description Most rows to return (at most 1000) */
                    max?: number;
                    /** @description Part of the first, last or full name */
                    name?: string;
                    /** @description Sort order; by id when absent */
                    order?: "firstName" | "lastName" | "firstName-desc" | "lastName-desc";
                    /** @description Org to act on, as a UUID or a Webex base64 ORGANIZATION id: picks the org for the master key, and must be the key's own org otherwise */
                    orgId?: string;
                    /** @description Part of the phone number */
                    phoneNumber?: string;
                    /** @description Offset of the first row (0-based) */
                    start?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description People who may be assigned to a supervisor: not disabled */
                            agents: {
                                /** @description Full name */
                                displayName: string;
                                /** @description Extension: the agent attribute "extension", when set */
                                extension?: string;
                                /** @description First name */
                                firstName: string;
                                /** @description Webex base64 id of the person */
                                id: string;
                                /** @description Last name */
                                lastName: string;
                                /** @description Phone number, when the agent has one */
                                phoneNumber?: string;
                                /**
                                 * @description Always PEOPLE
                                 * @enum {string}
                                 */
                                type: "PEOPLE";
                            }[];
                        };
                    };
                };
                /** @description Webex's error body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebexError"];
                    };
                };
                /** @description Webex's error body */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebexError"];
                    };
                };
                /** @description Webex's error body */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebexError"];
                    };
                };
                /** @description Webex's error body */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebexError"];
                    };
                };
                /** @description Webex's error body */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebexError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/telephony/config/supervisors/availableSupervisors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Webex: list people who may become supervisors */
        get: {
            parameters: {
                query?: {
                    /** @description Customer Experience Essentials flavour; accepted and echoed, Roster has one flavour */
                    hasCxEssentials?: boolean;
                    /** @description Most rows to return (at most 1000) */
                    max?: number;
                    /** @description Part of the first, last or full name */
                    name?: string;
                    /** @description Sort order; by id when absent */
                    order?: "firstName" | "lastName" | "firstName-desc" | "lastName-desc";
                    /** @description Org to act on, as a UUID or a Webex base64 ORGANIZATION id: picks the org for the master key, and must be the key's own org otherwise */
                    orgId?: string;
                    /** @description Part of the phone number */
                    phoneNumber?: string;
                    /** @description Offset of the first row (0-based) */
                    start?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description People who may become supervisors: not disabled, not supervising yet */
                            supervisors: {
                                /** @description Full name */
                                displayName: string;
                                /** @description Extension: the agent attribute "extension", when set */
                                extension?: string;
                                /** @description First name */
                                firstName: string;
                                /** @description The hasCxEssentials of the request (false when absent) */
                                hasCxEssentials: boolean;
                                /** @description Webex base64 id of the person */
                                id: string;
                                /** @description Last name */
                                lastName: string;
                                /** @description Phone number, when the agent has one */
                                phoneNumber?: string;
                            }[];
                        };
                    };
                };
                /** @description Webex's error body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebexError"];
                    };
                };
                /** @description Webex's error body */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebexError"];
                    };
                };
                /** @description Webex's error body */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebexError"];
                    };
                };
                /** @description Webex's error body */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebexError"];
                    };
                };
                /** @description Webex's error body */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebexError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List webhook endpoints (never their secrets) */
        get: {
            parameters: {
                query?: {
                    /** @description Cursor from the Link rel="next" header */
                    after?: string;
                    /** @description Maximum records to return (max 100) */
                    limit?: number;
                    /** @description Same as skip (the name the helpdesk pagination guide uses); wins when both are given */
                    offset?: number;
                    /** @description Org to act on (master key only; defaults to the default org) */
                    org_id?: string;
                    /** @description Alias of org_id */
                    orgId?: string;
                    /** @description Number of records to skip */
                    skip?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description Creation timestamp (ISO-8601, UTC)
                             */
                            created_at: string;
                            description: string | null;
                            disabled_reason: string | null;
                            /** @description False when turned off by hand or disabled (see disabled_reason) */
                            enabled: boolean;
                            event_types: string[];
                            /**
                             * Format: uuid
                             * @description Webhook id
                             */
                            id: string;
                            /**
                             * Format: date-time
                             * @description Last change (ISO-8601, UTC)
                             */
                            updated_at: string;
                            /** @description Receiver URL */
                            url: string;
                        }[];
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create a webhook endpoint (the signing secret is shown once) */
        post: {
            parameters: {
                query?: {
                    /** @description Org to act on (master key only; defaults to the default org) */
                    org_id?: string;
                    /** @description Alias of org_id */
                    orgId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string | null;
                        /** @default true */
                        enabled?: boolean;
                        /** @description Event types to receive; an item ending in .* matches a prefix, * all */
                        event_types: string[];
                        /** @description http(s) URL the events are POSTed to; non-public addresses are refused unless allowed */
                        url: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description Creation timestamp (ISO-8601, UTC)
                             */
                            created_at: string;
                            description: string | null;
                            disabled_reason: string | null;
                            /** @description False when turned off by hand or disabled (see disabled_reason) */
                            enabled: boolean;
                            event_types: string[];
                            /**
                             * Format: uuid
                             * @description Webhook id
                             */
                            id: string;
                            /** @description Signing secret (whsec_...). Shown in this response only: store it now */
                            secret: string;
                            /**
                             * Format: date-time
                             * @description Last change (ISO-8601, UTC)
                             */
                            updated_at: string;
                            /** @description Receiver URL */
                            url: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a webhook endpoint */
        get: {
            parameters: {
                query?: {
                    /** @description Org to act on (master key only; defaults to the default org) */
                    org_id?: string;
                    /** @description Alias of org_id */
                    orgId?: string;
                };
                header?: never;
                path: {
                    /** @description The webhook ID */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description Creation timestamp (ISO-8601, UTC)
                             */
                            created_at: string;
                            description: string | null;
                            disabled_reason: string | null;
                            /** @description False when turned off by hand or disabled (see disabled_reason) */
                            enabled: boolean;
                            event_types: string[];
                            /**
                             * Format: uuid
                             * @description Webhook id
                             */
                            id: string;
                            /**
                             * Format: date-time
                             * @description Last change (ISO-8601, UTC)
                             */
                            updated_at: string;
                            /** @description Receiver URL */
                            url: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a webhook endpoint and its delivery log */
        delete: {
            parameters: {
                query?: {
                    /** @description Org to act on (master key only; defaults to the default org) */
                    org_id?: string;
                    /** @description Alias of org_id */
                    orgId?: string;
                };
                header?: never;
                path: {
                    /** @description The webhook ID */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a webhook endpoint; enabled: true re-enables a disabled one */
        patch: {
            parameters: {
                query?: {
                    /** @description Org to act on (master key only; defaults to the default org) */
                    org_id?: string;
                    /** @description Alias of org_id */
                    orgId?: string;
                };
                header?: never;
                path: {
                    /** @description The webhook ID */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string | null;
                        /** @description true re-enables a disabled endpoint */
                        enabled?: boolean;
                        /** @description Event types to receive; an item ending in .* matches a prefix, * all */
                        event_types?: string[];
                        /** @description http(s) URL the events are POSTed to; non-public addresses are refused unless allowed */
                        url?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description Creation timestamp (ISO-8601, UTC)
                             */
                            created_at: string;
                            description: string | null;
                            disabled_reason: string | null;
                            /** @description False when turned off by hand or disabled (see disabled_reason) */
                            enabled: boolean;
                            event_types: string[];
                            /**
                             * Format: uuid
                             * @description Webhook id
                             */
                            id: string;
                            /**
                             * Format: date-time
                             * @description Last change (ISO-8601, UTC)
                             */
                            updated_at: string;
                            /** @description Receiver URL */
                            url: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The delivery log: one entry per attempt, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description Cursor from the Link rel="next" header */
                    after?: string;
                    /** @description Maximum records to return (max 100) */
                    limit?: number;
                    /** @description Same as skip (the name the helpdesk pagination guide uses); wins when both are given */
                    offset?: number;
                    /** @description Org to act on (master key only; defaults to the default org) */
                    org_id?: string;
                    /** @description Alias of org_id */
                    orgId?: string;
                    outcome?: "succeeded" | "retrying" | "failed";
                    /** @description Number of records to skip */
                    skip?: number;
                };
                header?: never;
                path: {
                    /** @description The webhook ID */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Attempt number for this event (1 = first) */
                            attempt: number;
                            /**
                             * Format: date-time
                             * @description When the attempt was made (ISO-8601, UTC)
                             */
                            created_at: string;
                            duration_ms: number;
                            error: string | null;
                            /**
                             * Format: uuid
                             * @description Event id, the webhook-id header
                             */
                            event_id: string;
                            event_type: string;
                            /**
                             * Format: uuid
                             * @description Delivery (attempt) id
                             */
                            id: string;
                            next_retry_at: string | null;
                            /** @description succeeded, retrying or failed (given up) */
                            outcome: string;
                            response_excerpt: string | null;
                            /** @description HTTP status, null without an answer */
                            status_code: number | null;
                            /** @description feed, redeliver, recover or test */
                            trigger: string;
                        }[];
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/deliveries/{delivery_id}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send the event of a delivery again (same webhook-id) */
        post: {
            parameters: {
                query?: {
                    /** @description Org to act on (master key only; defaults to the default org) */
                    org_id?: string;
                    /** @description Alias of org_id */
                    orgId?: string;
                };
                header?: never;
                path: {
                    /** @description The delivery ID */
                    delivery_id: string;
                    /** @description The webhook ID */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Events queued for sending */
                            queued: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/recover": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send again every event given up since a time */
        post: {
            parameters: {
                query?: {
                    /** @description Org to act on (master key only; defaults to the default org) */
                    org_id?: string;
                    /** @description Alias of org_id */
                    orgId?: string;
                };
                header?: never;
                path: {
                    /** @description The webhook ID */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description Resend every event given up since this time (ISO-8601, UTC)
                         */
                        since: string;
                        /**
                         * Format: date-time
                         * @description ... and until this time (default: now) (ISO-8601, UTC)
                         */
                        until?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Events queued for sending */
                            queued: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace the signing secret; the previous one also signs for 24 hours */
        post: {
            parameters: {
                query?: {
                    /** @description Org to act on (master key only; defaults to the default org) */
                    org_id?: string;
                    /** @description Alias of org_id */
                    orgId?: string;
                };
                header?: never;
                path: {
                    /** @description The webhook ID */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description Creation timestamp (ISO-8601, UTC)
                             */
                            created_at: string;
                            description: string | null;
                            disabled_reason: string | null;
                            /** @description False when turned off by hand or disabled (see disabled_reason) */
                            enabled: boolean;
                            event_types: string[];
                            /**
                             * Format: uuid
                             * @description Webhook id
                             */
                            id: string;
                            /** @description Signing secret (whsec_...). Shown in this response only: store it now */
                            secret: string;
                            /**
                             * Format: date-time
                             * @description Last change (ISO-8601, UTC)
                             */
                            updated_at: string;
                            /** @description Receiver URL */
                            url: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a webhook.test event to the endpoint */
        post: {
            parameters: {
                query?: {
                    /** @description Org to act on (master key only; defaults to the default org) */
                    org_id?: string;
                    /** @description Alias of org_id */
                    orgId?: string;
                };
                header?: never;
                path: {
                    /** @description The webhook ID */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description Id of the webhook.test event queued
                             */
                            event_id: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v3/{project_id}/groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every group: the Roster teams that are not archived (?member= a user id: only its groups) */
        get: {
            parameters: {
                query?: {
                    /** @description A user id (id_user._id) */
                    member?: string;
                };
                header?: never;
                path: {
                    /** @description The project (Roster org) id */
                    project_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The group id: the Roster team id */
                            _id: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description A disabled team takes no new work */
                            enabled: boolean;
                            /** @description The project id */
                            id_project: string;
                            /** @description User ids (id_user._id) of the members */
                            members: string[];
                            /** @description Name */
                            name: string;
                            /** @description true for an archived team */
                            trashed: boolean;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                    };
                };
                /** @description Tiledesk error body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a group: a Roster team, with its members (user ids) if given */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The project (Roster org) id */
                    project_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Accepted, not kept */
                        attributes?: {
                            [key: string]: unknown;
                        };
                        /** @description Every member of the group, as user ids: the group ends up with exactly these */
                        members?: string[];
                        /** @description Name (unique in the project) */
                        name: string;
                    };
                };
            };
            responses: {
                /** @description A Tiledesk group: a Roster team */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The group id: the Roster team id */
                            _id: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description A disabled team takes no new work */
                            enabled: boolean;
                            /** @description The project id */
                            id_project: string;
                            /** @description User ids (id_user._id) of the members */
                            members: string[];
                            /** @description Name */
                            name: string;
                            /** @description true for an archived team */
                            trashed: boolean;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Tiledesk error body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v3/{project_id}/groups/{group_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One group (Roster team) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The group id: a Roster team id */
                    group_id: string;
                    /** @description The project (Roster org) id */
                    project_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A Tiledesk group: a Roster team */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The group id: the Roster team id */
                            _id: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description A disabled team takes no new work */
                            enabled: boolean;
                            /** @description The project id */
                            id_project: string;
                            /** @description User ids (id_user._id) of the members */
                            members: string[];
                            /** @description Name */
                            name: string;
                            /** @description true for an archived team */
                            trashed: boolean;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Tiledesk error body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
            };
        };
        /** Update a group: rename it, set its members (user ids), or trash (archive) or restore it */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The group id: a Roster team id */
                    group_id: string;
                    /** @description The project (Roster org) id */
                    project_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Accepted, not kept */
                        attributes?: {
                            [key: string]: unknown;
                        };
                        /** @description Every member of the group, as user ids: the group ends up with exactly these */
                        members?: string[];
                        /** @description Name (unique in the project) */
                        name?: string;
                        /** @description true archives the team, false restores it */
                        trashed?: boolean;
                    };
                };
            };
            responses: {
                /** @description A Tiledesk group: a Roster team */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The group id: the Roster team id */
                            _id: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description A disabled team takes no new work */
                            enabled: boolean;
                            /** @description The project id */
                            id_project: string;
                            /** @description User ids (id_user._id) of the members */
                            members: string[];
                            /** @description Name */
                            name: string;
                            /** @description true for an archived team */
                            trashed: boolean;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Tiledesk error body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
            };
        };
        post?: never;
        /** Delete a group: trash it (archive and disable the team), or with ?force=true delete the team for good */
        delete: {
            parameters: {
                query?: {
                    /** @description true: delete the team, not only trash it */
                    force?: boolean;
                };
                header?: never;
                path: {
                    /** @description The group id: a Roster team id */
                    group_id: string;
                    /** @description The project (Roster org) id */
                    project_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The group id: the Roster team id */
                            _id: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description A disabled team takes no new work */
                            enabled: boolean;
                            /** @description The project id */
                            id_project: string;
                            /** @description User ids (id_user._id) of the members */
                            members: string[];
                            /** @description Name */
                            name: string;
                            /** @description true for an archived team */
                            trashed: boolean;
                            /** Format: date-time */
                            updatedAt: string;
                        } | {
                            message: string;
                            /** @enum {boolean} */
                            success: true;
                        };
                    };
                };
                /** @description Tiledesk error body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v3/{project_id}/groups/disable/{group_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Disable a group: the team takes no new work, and stays listed */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The group id: a Roster team id */
                    group_id: string;
                    /** @description The project (Roster org) id */
                    project_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A Tiledesk group: a Roster team */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The group id: the Roster team id */
                            _id: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description A disabled team takes no new work */
                            enabled: boolean;
                            /** @description The project id */
                            id_project: string;
                            /** @description User ids (id_user._id) of the members */
                            members: string[];
                            /** @description Name */
                            name: string;
                            /** @description true for an archived team */
                            trashed: boolean;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Tiledesk error body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v3/{project_id}/groups/enable/{group_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Enable a group: the team takes new work again */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The group id: a Roster team id */
                    group_id: string;
                    /** @description The project (Roster org) id */
                    project_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A Tiledesk group: a Roster team */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The group id: the Roster team id */
                            _id: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description A disabled team takes no new work */
                            enabled: boolean;
                            /** @description The project id */
                            id_project: string;
                            /** @description User ids (id_user._id) of the members */
                            members: string[];
                            /** @description Name */
                            name: string;
                            /** @description true for an archived team */
                            trashed: boolean;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Tiledesk error body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v3/{project_id}/pendinginvitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Invitations not accepted yet */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The project (Roster org) id */
                    project_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Id of the pending teammate */
                            _id: string;
                            /**
                             * Format: date-time
                             * @description When the invitation was made
                             */
                            createdAt: string;
                            /** @description User id of the inviter, or null */
                            createdBy: string | null;
                            /** @description Invited email */
                            email: string;
                            /** @description The project id */
                            id_project: string;
                            /** @description Role it will have */
                            role: string;
                            /**
                             * Format: date-time
                             * @description Last update time
                             */
                            updatedAt: string;
                        }[];
                    };
                };
                /** @description Tiledesk error body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v3/{project_id}/project_users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get the team: every teammate of the project, unpaginated (not trashed by default) */
        get: {
            parameters: {
                query?: {
                    /** @description Connection presence */
                    presencestatus?: "online" | "offline";
                    /** @description Only teammates with one of these roles */
                    role?: string[];
                    /** @description Only teammates with one of these roles */
                    "role[]"?: string[];
                    /** @description Teammate status; pending invitations (invited) are listed only when asked for */
                    status?: "active" | "invited" | "disabled";
                    /** @description true: only trashed teammates; default false */
                    trashed?: boolean;
                };
                header?: never;
                path: {
                    /** @description The project (Roster org) id */
                    project_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The teammate id */
                            _id: string;
                            /** @description Custom attributes */
                            attributes: {
                                [key: string]: unknown;
                            };
                            /**
                             * Format: date-time
                             * @description Creation time
                             */
                            createdAt: string;
                            /** @description User id of the creator, or null */
                            createdBy: string | null;
                            /** @description The teammate id (same as _id) */
                            id: string;
                            /** @description The project id */
                            id_project: string;
                            /** @description The user the teammate is, populated */
                            id_user: {
                                /** @description The user id */
                                _id: string;
                                /** @description Email */
                                email: string;
                                /** @description First name */
                                firstname: string;
                                /** @description Last name */
                                lastname: string;
                            };
                            /** @description Always true: teammates are authenticated users */
                            isAuthenticated: boolean;
                            /** @description True when its open conversations reach its capacity */
                            isBusy: boolean;
                            /** @description The same capacity, under the name Tiledesk's dashboard reads */
                            max_assigned_chat: number;
                            /** @description Capacity: the agent own value, else team or org default */
                            max_served_chat: number;
                            /** @description Open conversations assigned to the teammate */
                            number_assigned_requests: number;
                            /** @description Connection presence */
                            presence: {
                                /**
                                 * Format: date-time
                                 * @description When the connection last went online or offline
                                 */
                                changedAt: string;
                                /** @description online or offline: connection presence from heartbeats */
                                status: string;
                            };
                            /** @description A free status text; empty when none */
                            profileStatus: string;
                            /** @description owner, admin, supervisor or agent */
                            role: string;
                            /** @description Setting configurations */
                            settings: {
                                [key: string]: unknown;
                            };
                            /** @description active, invited or disabled */
                            status: string;
                            /** @description Tag objects */
                            tags: {
                                /** @description Its colour, when one was given */
                                color?: string;
                                /** @description The tag */
                                tag: string;
                            }[];
                            /** @description In the trash (left the project with ?soft=true) */
                            trashed: boolean;
                            /**
                             * Format: date-time
                             * @description Last update time
                             */
                            updatedAt: string;
                            /** @description The agent's own availability switch (as /v1 `available`) */
                            user_available: boolean;
                        }[];
                    };
                };
                /** @description Tiledesk error body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
            };
        };
        /** Update the current logged teammate */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The project (Roster org) id */
                    project_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Custom attributes */
                        attributes?: {
                            [key: string]: unknown;
                        };
                        /** @description Most chats at once (0 to 1000); null inherits the team or org default */
                        max_assigned_chat?: number | null;
                        /** @description Most chats at once (0 to 1000); null inherits the team or org default */
                        max_served_chat?: number | null;
                        /** @description A free status text */
                        profileStatus?: string;
                        /** @description Setting configurations */
                        settings?: {
                            [key: string]: unknown;
                        };
                        /** @description Tags: strings, or Tiledesk tag objects {tag, color} */
                        tags?: (string | {
                            color?: string;
                            tag: string;
                        })[];
                        /** @description Available to take requests */
                        user_available?: boolean;
                    };
                };
            };
            responses: {
                /** @description A Tiledesk teammate (project_user) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The teammate id */
                            _id: string;
                            /** @description Custom attributes */
                            attributes: {
                                [key: string]: unknown;
                            };
                            /**
                             * Format: date-time
                             * @description Creation time
                             */
                            createdAt: string;
                            /** @description User id of the creator, or null */
                            createdBy: string | null;
                            /** @description The teammate id (same as _id) */
                            id: string;
                            /** @description The project id */
                            id_project: string;
                            /** @description The user the teammate is, populated */
                            id_user: {
                                /** @description The user id */
                                _id: string;
                                /** @description Email */
                                email: string;
                                /** @description First name */
                                firstname: string;
                                /** @description Last name */
                                lastname: string;
                            };
                            /** @description Always true: teammates are authenticated users */
                            isAuthenticated: boolean;
                            /** @description True when its open conversations reach its capacity */
                            isBusy: boolean;
                            /** @description The same capacity, under the name Tiledesk's dashboard reads */
                            max_assigned_chat: number;
                            /** @description Capacity: the agent own value, else team or org default */
                            max_served_chat: number;
                            /** @description Open conversations assigned to the teammate */
                            number_assigned_requests: number;
                            /** @description Connection presence */
                            presence: {
                                /**
                                 * Format: date-time
                                 * @description When the connection last went online or offline
                                 */
                                changedAt: string;
                                /** @description online or offline: connection presence from heartbeats */
                                status: string;
                            };
                            /** @description A free status text; empty when none */
                            profileStatus: string;
                            /** @description owner, admin, supervisor or agent */
                            role: string;
                            /** @description Setting configurations */
                            settings: {
                                [key: string]: unknown;
                            };
                            /** @description active, invited or disabled */
                            status: string;
                            /** @description Tag objects */
                            tags: {
                                /** @description Its colour, when one was given */
                                color?: string;
                                /** @description The tag */
                                tag: string;
                            }[];
                            /** @description In the trash (left the project with ?soft=true) */
                            trashed: boolean;
                            /**
                             * Format: date-time
                             * @description Last update time
                             */
                            updatedAt: string;
                            /** @description The agent's own availability switch (as /v1 `available`) */
                            user_available: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v3/{project_id}/project_users/{project_user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a teammate by id */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The project (Roster org) id */
                    project_id: string;
                    /** @description The teammate (project_user) id: the Roster agent id */
                    project_user_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A Tiledesk teammate (project_user) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The teammate id */
                            _id: string;
                            /** @description Custom attributes */
                            attributes: {
                                [key: string]: unknown;
                            };
                            /**
                             * Format: date-time
                             * @description Creation time
                             */
                            createdAt: string;
                            /** @description User id of the creator, or null */
                            createdBy: string | null;
                            /** @description The teammate id (same as _id) */
                            id: string;
                            /** @description The project id */
                            id_project: string;
                            /** @description The user the teammate is, populated */
                            id_user: {
                                /** @description The user id */
                                _id: string;
                                /** @description Email */
                                email: string;
                                /** @description First name */
                                firstname: string;
                                /** @description Last name */
                                lastname: string;
                            };
                            /** @description Always true: teammates are authenticated users */
                            isAuthenticated: boolean;
                            /** @description True when its open conversations reach its capacity */
                            isBusy: boolean;
                            /** @description The same capacity, under the name Tiledesk's dashboard reads */
                            max_assigned_chat: number;
                            /** @description Capacity: the agent own value, else team or org default */
                            max_served_chat: number;
                            /** @description Open conversations assigned to the teammate */
                            number_assigned_requests: number;
                            /** @description Connection presence */
                            presence: {
                                /**
                                 * Format: date-time
                                 * @description When the connection last went online or offline
                                 */
                                changedAt: string;
                                /** @description online or offline: connection presence from heartbeats */
                                status: string;
                            };
                            /** @description A free status text; empty when none */
                            profileStatus: string;
                            /** @description owner, admin, supervisor or agent */
                            role: string;
                            /** @description Setting configurations */
                            settings: {
                                [key: string]: unknown;
                            };
                            /** @description active, invited or disabled */
                            status: string;
                            /** @description Tag objects */
                            tags: {
                                /** @description Its colour, when one was given */
                                color?: string;
                                /** @description The tag */
                                tag: string;
                            }[];
                            /** @description In the trash (left the project with ?soft=true) */
                            trashed: boolean;
                            /**
                             * Format: date-time
                             * @description Last update time
                             */
                            updatedAt: string;
                            /** @description The agent's own availability switch (as /v1 `available`) */
                            user_available: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
            };
        };
        /** Update a teammate by id (admin), role and status included */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The project (Roster org) id */
                    project_id: string;
                    /** @description The teammate (project_user) id: the Roster agent id */
                    project_user_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Custom attributes */
                        attributes?: {
                            [key: string]: unknown;
                        };
                        /** @description Most chats at once (0 to 1000); null inherits the team or org default */
                        max_assigned_chat?: number | null;
                        /** @description Most chats at once (0 to 1000); null inherits the team or org default */
                        max_served_chat?: number | null;
                        /** @description A free status text */
                        profileStatus?: string;
                        /**
                         * @description Role
                         * @enum {unknown}
                         */
                        role?: "owner" | "admin" | "supervisor" | "agent";
                        /** @description Setting configurations */
                        settings?: {
                            [key: string]: unknown;
                        };
                        /**
                         * @description active or disabled
                         * @enum {unknown}
                         */
                        status?: "active" | "disabled";
                        /** @description Tags: strings, or Tiledesk tag objects {tag, color} */
                        tags?: (string | {
                            color?: string;
                            tag: string;
                        })[];
                        /** @description Available to take requests */
                        user_available?: boolean;
                    };
                };
            };
            responses: {
                /** @description A Tiledesk teammate (project_user) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The teammate id */
                            _id: string;
                            /** @description Custom attributes */
                            attributes: {
                                [key: string]: unknown;
                            };
                            /**
                             * Format: date-time
                             * @description Creation time
                             */
                            createdAt: string;
                            /** @description User id of the creator, or null */
                            createdBy: string | null;
                            /** @description The teammate id (same as _id) */
                            id: string;
                            /** @description The project id */
                            id_project: string;
                            /** @description The user the teammate is, populated */
                            id_user: {
                                /** @description The user id */
                                _id: string;
                                /** @description Email */
                                email: string;
                                /** @description First name */
                                firstname: string;
                                /** @description Last name */
                                lastname: string;
                            };
                            /** @description Always true: teammates are authenticated users */
                            isAuthenticated: boolean;
                            /** @description True when its open conversations reach its capacity */
                            isBusy: boolean;
                            /** @description The same capacity, under the name Tiledesk's dashboard reads */
                            max_assigned_chat: number;
                            /** @description Capacity: the agent own value, else team or org default */
                            max_served_chat: number;
                            /** @description Open conversations assigned to the teammate */
                            number_assigned_requests: number;
                            /** @description Connection presence */
                            presence: {
                                /**
                                 * Format: date-time
                                 * @description When the connection last went online or offline
                                 */
                                changedAt: string;
                                /** @description online or offline: connection presence from heartbeats */
                                status: string;
                            };
                            /** @description A free status text; empty when none */
                            profileStatus: string;
                            /** @description owner, admin, supervisor or agent */
                            role: string;
                            /** @description Setting configurations */
                            settings: {
                                [key: string]: unknown;
                            };
                            /** @description active, invited or disabled */
                            status: string;
                            /** @description Tag objects */
                            tags: {
                                /** @description Its colour, when one was given */
                                color?: string;
                                /** @description The tag */
                                tag: string;
                            }[];
                            /** @description In the trash (left the project with ?soft=true) */
                            trashed: boolean;
                            /**
                             * Format: date-time
                             * @description Last update time
                             */
                            updatedAt: string;
                            /** @description The agent's own availability switch (as /v1 `available`) */
                            user_available: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
            };
        };
        post?: never;
        /** Leave a project: disable (default), trash (?soft=true) or remove (?hard=true) */
        delete: {
            parameters: {
                query?: {
                    /** @description true: remove the teammate for good */
                    hard?: boolean;
                    /** @description true: put the teammate in the trash */
                    soft?: boolean;
                };
                header?: never;
                path: {
                    /** @description The project (Roster org) id */
                    project_id: string;
                    /** @description The teammate (project_user) id: the Roster agent id */
                    project_user_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A Tiledesk teammate (project_user) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The teammate id */
                            _id: string;
                            /** @description Custom attributes */
                            attributes: {
                                [key: string]: unknown;
                            };
                            /**
                             * Format: date-time
                             * @description Creation time
                             */
                            createdAt: string;
                            /** @description User id of the creator, or null */
                            createdBy: string | null;
                            /** @description The teammate id (same as _id) */
                            id: string;
                            /** @description The project id */
                            id_project: string;
                            /** @description The user the teammate is, populated */
                            id_user: {
                                /** @description The user id */
                                _id: string;
                                /** @description Email */
                                email: string;
                                /** @description First name */
                                firstname: string;
                                /** @description Last name */
                                lastname: string;
                            };
                            /** @description Always true: teammates are authenticated users */
                            isAuthenticated: boolean;
                            /** @description True when its open conversations reach its capacity */
                            isBusy: boolean;
                            /** @description The same capacity, under the name Tiledesk's dashboard reads */
                            max_assigned_chat: number;
                            /** @description Capacity: the agent own value, else team or org default */
                            max_served_chat: number;
                            /** @description Open conversations assigned to the teammate */
                            number_assigned_requests: number;
                            /** @description Connection presence */
                            presence: {
                                /**
                                 * Format: date-time
                                 * @description When the connection last went online or offline
                                 */
                                changedAt: string;
                                /** @description online or offline: connection presence from heartbeats */
                                status: string;
                            };
                            /** @description A free status text; empty when none */
                            profileStatus: string;
                            /** @description owner, admin, supervisor or agent */
                            role: string;
                            /** @description Setting configurations */
                            settings: {
                                [key: string]: unknown;
                            };
                            /** @description active, invited or disabled */
                            status: string;
                            /** @description Tag objects */
                            tags: {
                                /** @description Its colour, when one was given */
                                color?: string;
                                /** @description The tag */
                                tag: string;
                            }[];
                            /** @description In the trash (left the project with ?soft=true) */
                            trashed: boolean;
                            /**
                             * Format: date-time
                             * @description Last update time
                             */
                            updatedAt: string;
                            /** @description The agent's own availability switch (as /v1 `available`) */
                            user_available: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v3/{project_id}/project_users/{project_user_id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Restore a trashed teammate (400 when it is not trashed) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The project (Roster org) id */
                    project_id: string;
                    /** @description The teammate (project_user) id: the Roster agent id */
                    project_user_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A Tiledesk teammate (project_user) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The teammate id */
                            _id: string;
                            /** @description Custom attributes */
                            attributes: {
                                [key: string]: unknown;
                            };
                            /**
                             * Format: date-time
                             * @description Creation time
                             */
                            createdAt: string;
                            /** @description User id of the creator, or null */
                            createdBy: string | null;
                            /** @description The teammate id (same as _id) */
                            id: string;
                            /** @description The project id */
                            id_project: string;
                            /** @description The user the teammate is, populated */
                            id_user: {
                                /** @description The user id */
                                _id: string;
                                /** @description Email */
                                email: string;
                                /** @description First name */
                                firstname: string;
                                /** @description Last name */
                                lastname: string;
                            };
                            /** @description Always true: teammates are authenticated users */
                            isAuthenticated: boolean;
                            /** @description True when its open conversations reach its capacity */
                            isBusy: boolean;
                            /** @description The same capacity, under the name Tiledesk's dashboard reads */
                            max_assigned_chat: number;
                            /** @description Capacity: the agent own value, else team or org default */
                            max_served_chat: number;
                            /** @description Open conversations assigned to the teammate */
                            number_assigned_requests: number;
                            /** @description Connection presence */
                            presence: {
                                /**
                                 * Format: date-time
                                 * @description When the connection last went online or offline
                                 */
                                changedAt: string;
                                /** @description online or offline: connection presence from heartbeats */
                                status: string;
                            };
                            /** @description A free status text; empty when none */
                            profileStatus: string;
                            /** @description owner, admin, supervisor or agent */
                            role: string;
                            /** @description Setting configurations */
                            settings: {
                                [key: string]: unknown;
                            };
                            /** @description active, invited or disabled */
                            status: string;
                            /** @description Tag objects */
                            tags: {
                                /** @description Its colour, when one was given */
                                color?: string;
                                /** @description The tag */
                                tag: string;
                            }[];
                            /** @description In the trash (left the project with ?soft=true) */
                            trashed: boolean;
                            /**
                             * Format: date-time
                             * @description Last update time
                             */
                            updatedAt: string;
                            /** @description The agent's own availability switch (as /v1 `available`) */
                            user_available: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v3/{project_id}/project_users/invite": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Invite an agent by email (admin) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The project (Roster org) id */
                    project_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: email
                         * @description Email of the person to invite
                         */
                        email: string;
                        /** @description admin, supervisor or agent */
                        role: string;
                        /** @description Availability of the new teammate */
                        user_available?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The teammate id */
                            _id: string;
                            /** @description Custom attributes */
                            attributes: {
                                [key: string]: unknown;
                            };
                            /**
                             * Format: date-time
                             * @description Creation time
                             */
                            createdAt: string;
                            /** @description User id of the creator, or null */
                            createdBy: string | null;
                            /** @description The teammate id (same as _id) */
                            id: string;
                            /** @description The project id */
                            id_project: string;
                            /** @description The user the teammate is, populated */
                            id_user: {
                                /** @description The user id */
                                _id: string;
                                /** @description Email */
                                email: string;
                                /** @description First name */
                                firstname: string;
                                /** @description Last name */
                                lastname: string;
                            };
                            /** @description Always true: teammates are authenticated users */
                            isAuthenticated: boolean;
                            /** @description True when its open conversations reach its capacity */
                            isBusy: boolean;
                            /** @description The same capacity, under the name Tiledesk's dashboard reads */
                            max_assigned_chat: number;
                            /** @description Capacity: the agent own value, else team or org default */
                            max_served_chat: number;
                            /** @description Open conversations assigned to the teammate */
                            number_assigned_requests: number;
                            /** @description Connection presence */
                            presence: {
                                /**
                                 * Format: date-time
                                 * @description When the connection last went online or offline
                                 */
                                changedAt: string;
                                /** @description online or offline: connection presence from heartbeats */
                                status: string;
                            };
                            /** @description A free status text; empty when none */
                            profileStatus: string;
                            /** @description owner, admin, supervisor or agent */
                            role: string;
                            /** @description Setting configurations */
                            settings: {
                                [key: string]: unknown;
                            };
                            /** @description active, invited or disabled */
                            status: string;
                            /** @description Tag objects */
                            tags: {
                                /** @description Its colour, when one was given */
                                color?: string;
                                /** @description The tag */
                                tag: string;
                            }[];
                            /** @description In the trash (left the project with ?soft=true) */
                            trashed: boolean;
                            /**
                             * Format: date-time
                             * @description Last update time
                             */
                            updatedAt: string;
                            /** @description The agent's own availability switch (as /v1 `available`) */
                            user_available: boolean;
                        } | {
                            /** @description What happened */
                            msg: string;
                            /** @description An invitation not accepted yet: a Roster agent in status invited */
                            pendingInvitation: {
                                /** @description Id of the pending teammate */
                                _id: string;
                                /**
                                 * Format: date-time
                                 * @description When the invitation was made
                                 */
                                createdAt: string;
                                /** @description User id of the inviter, or null */
                                createdBy: string | null;
                                /** @description Invited email */
                                email: string;
                                /** @description The project id */
                                id_project: string;
                                /** @description Role it will have */
                                role: string;
                                /**
                                 * Format: date-time
                                 * @description Last update time
                                 */
                                updatedAt: string;
                            };
                        };
                    };
                };
                /** @description Tiledesk error body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v3/{project_id}/project_users/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's own teammate, in an array (a key bound to an agent) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The project (Roster org) id */
                    project_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The teammate id */
                            _id: string;
                            /** @description Custom attributes */
                            attributes: {
                                [key: string]: unknown;
                            };
                            /**
                             * Format: date-time
                             * @description Creation time
                             */
                            createdAt: string;
                            /** @description User id of the creator, or null */
                            createdBy: string | null;
                            /** @description The teammate id (same as _id) */
                            id: string;
                            /** @description The project id */
                            id_project: string;
                            /** @description The user the teammate is, populated */
                            id_user: {
                                /** @description The user id */
                                _id: string;
                                /** @description Email */
                                email: string;
                                /** @description First name */
                                firstname: string;
                                /** @description Last name */
                                lastname: string;
                            };
                            /** @description Always true: teammates are authenticated users */
                            isAuthenticated: boolean;
                            /** @description True when its open conversations reach its capacity */
                            isBusy: boolean;
                            /** @description The same capacity, under the name Tiledesk's dashboard reads */
                            max_assigned_chat: number;
                            /** @description Capacity: the agent own value, else team or org default */
                            max_served_chat: number;
                            /** @description Open conversations assigned to the teammate */
                            number_assigned_requests: number;
                            /** @description Connection presence */
                            presence: {
                                /**
                                 * Format: date-time
                                 * @description When the connection last went online or offline
                                 */
                                changedAt: string;
                                /** @description online or offline: connection presence from heartbeats */
                                status: string;
                            };
                            /** @description A free status text; empty when none */
                            profileStatus: string;
                            /** @description owner, admin, supervisor or agent */
                            role: string;
                            /** @description Setting configurations */
                            settings: {
                                [key: string]: unknown;
                            };
                            /** @description active, invited or disabled */
                            status: string;
                            /** @description Tag objects */
                            tags: {
                                /** @description Its colour, when one was given */
                                color?: string;
                                /** @description The tag */
                                tag: string;
                            }[];
                            /** @description In the trash (left the project with ?soft=true) */
                            trashed: boolean;
                            /**
                             * Format: date-time
                             * @description Last update time
                             */
                            updatedAt: string;
                            /** @description The agent's own availability switch (as /v1 `available`) */
                            user_available: boolean;
                        }[];
                    };
                };
                /** @description Tiledesk error body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v3/{project_id}/project_users/users/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a teammate by user id: an array with the teammate, empty when the user is none here */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The project (Roster org) id */
                    project_id: string;
                    /** @description The user id (id_user._id): the person, the same in every project */
                    user_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The teammate id */
                            _id: string;
                            /** @description Custom attributes */
                            attributes: {
                                [key: string]: unknown;
                            };
                            /**
                             * Format: date-time
                             * @description Creation time
                             */
                            createdAt: string;
                            /** @description User id of the creator, or null */
                            createdBy: string | null;
                            /** @description The teammate id (same as _id) */
                            id: string;
                            /** @description The project id */
                            id_project: string;
                            /** @description The user the teammate is, populated */
                            id_user: {
                                /** @description The user id */
                                _id: string;
                                /** @description Email */
                                email: string;
                                /** @description First name */
                                firstname: string;
                                /** @description Last name */
                                lastname: string;
                            };
                            /** @description Always true: teammates are authenticated users */
                            isAuthenticated: boolean;
                            /** @description True when its open conversations reach its capacity */
                            isBusy: boolean;
                            /** @description The same capacity, under the name Tiledesk's dashboard reads */
                            max_assigned_chat: number;
                            /** @description Capacity: the agent own value, else team or org default */
                            max_served_chat: number;
                            /** @description Open conversations assigned to the teammate */
                            number_assigned_requests: number;
                            /** @description Connection presence */
                            presence: {
                                /**
                                 * Format: date-time
                                 * @description When the connection last went online or offline
                                 */
                                changedAt: string;
                                /** @description online or offline: connection presence from heartbeats */
                                status: string;
                            };
                            /** @description A free status text; empty when none */
                            profileStatus: string;
                            /** @description owner, admin, supervisor or agent */
                            role: string;
                            /** @description Setting configurations */
                            settings: {
                                [key: string]: unknown;
                            };
                            /** @description active, invited or disabled */
                            status: string;
                            /** @description Tag objects */
                            tags: {
                                /** @description Its colour, when one was given */
                                color?: string;
                                /** @description The tag */
                                tag: string;
                            }[];
                            /** @description In the trash (left the project with ?soft=true) */
                            trashed: boolean;
                            /**
                             * Format: date-time
                             * @description Last update time
                             */
                            updatedAt: string;
                            /** @description The agent's own availability switch (as /v1 `available`) */
                            user_available: boolean;
                        }[];
                    };
                };
                /** @description Tiledesk error body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v3/projects/{project_id}/users/availables": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The users available now: teammates whose availability switch is on (not disabled, not pending) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The project (Roster org) id */
                    project_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            firstname: string;
                            /** @description The user id (id_user._id) */
                            id: string;
                            lastname: string;
                        }[];
                    };
                };
                /** @description Tiledesk error body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
                /** @description Tiledesk error body */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tiledesk code: 4000 self-invite, 4001 already a member */
                            code?: number;
                            /** @description What went wrong (DELETE of an unknown teammate) */
                            error?: string;
                            /** @description What went wrong, in Tiledesk wording */
                            msg?: string;
                            /** @description Always false */
                            success: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description Dixa error body */
        DixaError: {
            /** @description What went wrong, in Dixa wording */
            message: string;
        };
        /** @description RFC 9457 problem details */
        Problem: {
            /** @description Stable machine-readable error code */
            code: string;
            /** @description What went wrong, naming the field when one is at fault */
            detail: string;
            /** @description One entry per invalid field (validation errors only) */
            errors?: {
                /** @description What is wrong with it */
                message: string;
                /** @description The field at fault, e.g. body.name or query.limit */
                path: string;
            }[];
            /** @description Id of the request, as in the X-Request-Id header */
            request_id: string;
            /** @description The HTTP status code */
            status: number;
            /** @description Short summary of the HTTP status */
            title: string;
            /** @description URI naming the problem type: urn:roster:problem:<code> */
            type: string;
        };
        /** @description Rocket.Chat failure body */
        RocketChatFailure: {
            /** @description What went wrong; Rocket.Chat error ids in square brackets */
            error: string;
            /** @description Rocket.Chat error id, when there is one */
            errorType?: string;
            /**
             * @description Always false
             * @enum {boolean}
             */
            success: false;
        };
        /** @description Rocket.Chat answer to a request without valid credentials */
        RocketChatUnauthorized: {
            /** @description Always "You must be logged in to do this." */
            message: string;
            /**
             * @description Always "error"
             * @enum {string}
             */
            status: "error";
        };
        /** @description Webex's error body */
        WebexError: {
            /** @description The problems found */
            errors: {
                /** @description One problem, naming the field when one is at fault */
                description: string;
            }[];
            /** @description What went wrong */
            message: string;
            /** @description Id of the request, as in the X-Request-Id and TrackingID headers */
            trackingId: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
