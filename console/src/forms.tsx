import { Alert } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { ApiError } from './api';

/**
 * Shows an API error where it belongs: on the field the API named (`body.name` -> `name`), else as
 * an alert next to the action (returned as text for `ErrorNote`).
 */
export function applyApiError<T>(form: UseFormReturnType<T>, err: unknown): string | null {
  if (err instanceof ApiError && err.fields.length > 0) {
    let placed = false;
    for (const f of err.fields) {
      const name = f.path.replace(/^body\./, '');
      if (name in (form.getValues() as object)) {
        form.setFieldError(name, f.message);
        placed = true;
      }
    }
    if (placed) {
      return null;
    }
  }
  return err instanceof Error ? err.message : String(err);
}

export function ErrorNote({ error, title = 'That did not work' }: { error: string | null; title?: string }) {
  if (error === null) {
    return null;
  }
  return (
    <Alert color="red" title={title} role="alert">
      {error}
    </Alert>
  );
}

export const errorText = (err: unknown): string => (err instanceof Error ? err.message : String(err));
