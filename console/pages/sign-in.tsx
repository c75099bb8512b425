/**
 * Sign-in with email and password; the session cookie keeps the console signed in across reloads.
 * `notice` says why the last session ended when the person did not end it (a password change).
 */
import { useState } from 'preact/hooks';
import { session } from '../api.ts';
import { SessionError } from '../session.ts';
import { Field } from '../ui.tsx';

function describe(error: unknown): string {
  if (error instanceof SessionError) {
    if (error.status === 401) return 'That email and password do not match an account.';
    if (error.status === 429)
      return `Too many attempts. Try again in ${error.retryAfter ?? 'a few'} second${error.retryAfter === 1 ? '' : 's'}.`;
    if (error.status === 503) return 'The server cannot reach its database right now. Try again in a moment.';
    return error.message;
  }
  return 'The server could not be reached. Check your connection and try again.';
}

export function SignInPage({ notice }: { notice: string | null }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(event: Event) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    setBusy(true);
    setError(null);
    try {
      await session.signIn(String(form.get('email')), String(form.get('password')));
    } catch (failure) {
      setError(describe(failure));
      setBusy(false);
    }
  }
  return (
    <main class="centered" id="main">
      <form class="card sign-in" onSubmit={submit} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">Sign in to Upzento</h1>
        {notice && (
          <p class="notice info" role="status">
            {notice}
          </p>
        )}
        <Field label="Email">
          {(id) => <input id={id} name="email" type="email" autoComplete="username" required />}
        </Field>
        <Field label="Password">
          {(id) => <input id={id} name="password" type="password" autoComplete="current-password" required />}
        </Field>
        {error && (
          <p class="notice error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="primary wide" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
