import '@mantine/core/styles.css';
import { Center, Loader, MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { Board } from './board/Board';
import { Layout } from './Layout';
import { SignIn } from './screens/SignIn';
import { SessionGate } from './session';
import { resolver, theme } from './theme';

// The board is the home screen and ships in the first bundle; the other screens load on first visit.
const Teams = lazy(() => import('./screens/Teams').then((m) => ({ default: m.Teams })));
const TeamDetail = lazy(() => import('./screens/TeamDetail').then((m) => ({ default: m.TeamDetail })));
const Agents = lazy(() => import('./screens/Agents').then((m) => ({ default: m.Agents })));
const Conversations = lazy(() =>
  import('./screens/Conversations').then((m) => ({ default: m.Conversations })),
);
const Supervisors = lazy(() => import('./screens/Supervisors').then((m) => ({ default: m.Supervisors })));
const Statuses = lazy(() => import('./screens/Statuses').then((m) => ({ default: m.Statuses })));
const Keys = lazy(() => import('./screens/Keys').then((m) => ({ default: m.Keys })));
const Orgs = lazy(() => import('./screens/Orgs').then((m) => ({ default: m.Orgs })));

const loading = (
  <Center mih={200}>
    <Loader aria-label="Loading" />
  </Center>
);
const page = (element: React.ReactNode) => <Suspense fallback={loading}>{element}</Suspense>;

const router = createBrowserRouter(
  [
    {
      path: '/',
      element: <Layout />,
      children: [
        { index: true, element: <Board /> },
        { path: 'teams', element: page(<Teams />) },
        { path: 'teams/:id', element: page(<TeamDetail />) },
        { path: 'agents', element: page(<Agents />) },
        { path: 'conversations', element: page(<Conversations />) },
        { path: 'supervisors', element: page(<Supervisors />) },
        { path: 'statuses', element: page(<Statuses />) },
        { path: 'keys', element: page(<Keys />) },
        { path: 'orgs', element: page(<Orgs />) },
      ],
    },
  ],
  { basename: '/console' },
);

const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: (count, err) => count < 2 && !('status' in err && err.status === 401) },
  },
});

const root = document.getElementById('root');
if (root !== null) {
  createRoot(root).render(
    <StrictMode>
      <MantineProvider theme={theme} cssVariablesResolver={resolver}>
        <QueryClientProvider client={queryClient}>
          <SessionGate signedOut={<SignIn />} loading={loading}>
            <RouterProvider router={router} />
          </SessionGate>
        </QueryClientProvider>
      </MantineProvider>
    </StrictMode>,
  );
}
