import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, api, ok } from '../api';
import { SESSION_KEY } from '../session';

/** Sign-in with an API key: exchanged for a session cookie; the key itself is not kept. */
export function SignIn() {
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { key: '' },
    validate: {
      key: (value) =>
        value.trim() === ''
          ? 'Enter an API key'
          : /^roster_(sk|mk)_/.test(value.trim())
            ? null
            : 'An API key starts with roster_sk_ (or roster_mk_ for the master key)',
    },
  });
  const submit = form.onSubmit(async ({ key }) => {
    setError(null);
    try {
      const { data } = await ok(api.POST('/v1/sessions', { body: { key: key.trim() } }));
      client.setQueryData(SESSION_KEY, data);
    } catch (err) {
      if (err instanceof ApiError && err.about('key')) {
        form.setFieldError('key', err.about('key'));
      } else {
        setError(err instanceof Error ? err.message : String(err));
      }
    }
  });
  return (
    <Center mih="100vh" component="main">
      <Paper withBorder shadow="sm" p="xl" w={420}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <Title order={1} size="h2">
              Roster console
            </Title>
            <Text size="sm" c="dimmed">
              Sign in with an API key (an org key, an agent's key or the master key). It is exchanged for a
              session; the key is not stored in the browser.
            </Text>
            <PasswordInput
              label="API key"
              autoComplete="off"
              autoFocus
              key={form.key('key')}
              {...form.getInputProps('key')}
            />
            {error !== null && (
              <Alert color="red" role="alert" title="Sign-in failed">
                {error}
              </Alert>
            )}
            <Button type="submit" loading={form.submitting}>
              Sign in
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
