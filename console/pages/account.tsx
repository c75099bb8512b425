/** The signed-in user's own account: the password, and signing out of this browser. */
import { api, ok, session } from '../api.ts';
import { Field, Form, PageHeader, useAnnouncer } from '../ui.tsx';

export function AccountPage() {
  const [announcer, announce] = useAnnouncer();
  async function change(form: FormData) {
    ok(
      await api.POST('/v1/auth/password', {
        body: { currentPassword: String(form.get('current')), newPassword: String(form.get('new')) },
      }),
    );
    announce('Password changed. Sign in again with the new one.');
    // Every token of the user ended with the change, this session's too.
    await session.signOut();
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
      {announcer}
    </section>
  );
}
