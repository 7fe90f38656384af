import '@mantine/core/styles.css';
import { Alert, MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Loading } from './Loading';
import { SignIn } from './screens/SignIn';
import { SessionGate } from './session';
import { resolver, theme } from './theme';

// The first bundle holds what it takes to learn whether someone is signed in, and the sign-in
// form. The router, the board and its tables (App.tsx) are a chunk of their own, which index.html
// preloads. It is loaded with a plain import rather than React.lazy: a Suspense boundary holds back
// content that resolves soon after its fallback showed, which would delay the board for nothing.
type AppModule = typeof import('./App');
let appModule: Promise<AppModule> | null = null;
const loadApp = () => {
  appModule ??= import('./App');
  return appModule;
};

function SignedIn() {
  const [app, setApp] = useState<AppModule | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let mounted = true;
    loadApp().then(
      (m) => mounted && setApp(m),
      (err: unknown) => mounted && setError(err instanceof Error ? err.message : String(err)),
    );
    return () => {
      mounted = false;
    };
  }, []);
  if (error !== null) {
    return (
      <Alert color="red" title="The console could not be loaded" role="alert" m="md">
        {error}. Reload the page to try again.
      </Alert>
    );
  }
  return app === null ? <Loading /> : <app.App />;
}

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
          <SessionGate signedOut={<SignIn />} loading={<Loading />}>
            <SignedIn />
          </SessionGate>
        </QueryClientProvider>
      </MantineProvider>
    </StrictMode>,
  );
}
