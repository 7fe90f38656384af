import { lazy, type ReactNode, Suspense } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { Board } from './board/Board';
import { Layout } from './Layout';
import { Loading } from './Loading';

// The signed-in console. The board is the home screen and comes with this chunk; every other
// screen loads on its first visit.
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

const page = (element: ReactNode) => <Suspense fallback={<Loading />}>{element}</Suspense>;

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

export function App() {
  return <RouterProvider router={router} />;
}
