import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import { api, ok, onUnauthorized } from './api';

export type Session = {
  org_id: string;
  is_master: boolean;
  key_id: string | null;
  scopes: string[];
  agent: { id: string; role: string } | null;
  expires_at: string | null;
};

export interface SessionState {
  session: Session;
  /** The org every screen works on: the session's, or the one the master key picked. */
  orgId: string;
  setOrgId: (orgId: string) => void;
  /** The key holds `scope`. */
  can: (scope: string) => boolean;
  /** Signed in as an agent with only the `agent` role: it sees and sets its own presence. */
  agentOnly: boolean;
}

const SessionContext = createContext<SessionState | null>(null);

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (state === null) {
    throw new Error('useSession outside a signed-in session');
  }
  return state;
}

/** `{ org_id }` for every call: the org the console works on. */
export function useOrgQuery(): { org_id: string } {
  return { org_id: useSession().orgId };
}

export const SESSION_KEY = ['session'] as const;

async function currentSession(): Promise<Session | null> {
  const { data, response } = await api.GET('/v1/sessions/current', {});
  if (response.status === 401) {
    return null;
  }
  if (!response.ok || data === undefined) {
    throw new Error(`The session could not be read (HTTP ${response.status})`);
  }
  return data as Session;
}

/** Reads who is signed in; shows `signedOut` when nobody is (or the session just ended). */
export function SessionGate(props: { signedOut: ReactNode; loading: ReactNode; children: ReactNode }) {
  const client = useQueryClient();
  const query = useQuery({
    queryKey: SESSION_KEY,
    queryFn: currentSession,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const [orgId, setOrgId] = useState<string | null>(null);
  useEffect(
    () =>
      onUnauthorized(() => {
        client.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
        client.setQueryData(SESSION_KEY, null);
      }),
    [client],
  );
  const session = query.data ?? null;
  const value = useMemo<SessionState | null>(() => {
    if (session === null) {
      return null;
    }
    const scopes = new Set(session.scopes);
    return {
      session,
      orgId: orgId ?? session.org_id,
      setOrgId,
      can: (scope) => scopes.has(scope),
      agentOnly: session.agent?.role === 'agent',
    };
  }, [session, orgId]);
  if (query.isPending) {
    return <>{props.loading}</>;
  }
  if (value === null) {
    return <>{props.signedOut}</>;
  }
  return <SessionContext.Provider value={value}>{props.children}</SessionContext.Provider>;
}

export async function signOut(client: ReturnType<typeof useQueryClient>): Promise<void> {
  await ok(api.DELETE('/v1/sessions/current', {}));
  client.clear();
  client.setQueryData(SESSION_KEY, null);
}
