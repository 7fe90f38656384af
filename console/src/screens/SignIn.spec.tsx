import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SignIn } from './SignIn';

function renderSignIn() {
  return render(
    <MantineProvider>
      <QueryClientProvider client={new QueryClient()}>
        <SignIn />
      </QueryClientProvider>
    </MantineProvider>,
  );
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('sign-in', () => {
  it('validates the key before asking the API', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    renderSignIn();
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Enter an API key')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('API key'), { target: { value: 'hunter2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText(/starts with roster_sk_/)).toBeTruthy();
    expect(fetch).not.toHaveBeenCalled();
  });

  it("shows the API's message when the key is refused", async () => {
    const fetch = vi.fn(async (request: Request) => {
      expect(new URL(request.url).pathname).toBe('/v1/sessions');
      expect(await request.json()).toEqual({ key: 'roster_sk_revoked' });
      return new Response(
        JSON.stringify({ status: 401, code: 'unauthenticated', detail: 'The API key is not valid' }),
        {
          status: 401,
          headers: { 'content-type': 'application/problem+json' },
        },
      );
    });
    vi.stubGlobal('fetch', fetch);
    renderSignIn();
    fireEvent.change(screen.getByLabelText('API key'), { target: { value: 'roster_sk_revoked' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('The API key is not valid'));
  });
});
