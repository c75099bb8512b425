/** The signed-in user's own account: the password, and signing out of this browser. */
import { api, ok, session } from '../api.ts';
import { Field, Form, PageHeader } from '../ui.tsx';

export function AccountPage() {
  async function change(form: FormData) {
    ok(
      await api.POST('/v1/auth/password', {
        body: { currentPassword: String(form.get('current')), newPassword: String(form.get('new')) },
      }),
    );
    // Every token of the user ended with the change, this session's too: the sign-in page says why.
    await session.signOut('Your password was changed. Sign in with the new one.');
  }
  return (
    <section>
      <PageHeader title="Account" description="Your password. Changing it signs you out everywhere." />
      <Form onSubmit={change} submitLabel="Change password" class="card narrow" label="Change password">
        <Field label="Current password">
          {(id) => <input id={id} name="current" type="password" autoComplete="current-password" required />}
        </Field>
        <Field label="New password" hint="At least 12 characters.">
          {(id, hint) => (
            <input
              id={id}
              name="new"
              type="password"
              autoComplete="new-password"
              minLength={12}
              required
              aria-describedby={hint}
            />
          )}
        </Field>
      </Form>
    </section>
  );
}
