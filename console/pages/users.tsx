/**
 * A tenant's users and open invitations, one page for an agency and for a client. The API lets only
 * the tenant's admins and the admins above it list and change them, so everyone else is told so
 * instead of being shown controls it would refuse. A role is changed with a button, not on the
 * select's change: a lower role ends the user's tokens for good, so a keyboard's arrow keys passing
 * over "viewer" must not send it.
 */
import { useState } from 'preact/hooks';
import { api, ok, type Schemas } from '../api.ts';
import { ClientFrame } from '../frame.tsx';
import { lowers, mayChangeUser } from '../may.ts';
import { useClaims } from '../signed-in.ts';
import { AgencyCrumbs, useAgency } from './agency.tsx';
import {
  ConfirmButton,
  CopyValue,
  ErrorNotice,
  Field,
  Form,
  LoadState,
  PageHeader,
  Table,
  useAnnouncer,
  useLoad,
  When,
} from '../ui.tsx';

type Role = Schemas['User']['role'];
type Level = 'agency' | 'client';
const ROLES: Role[] = ['admin', 'member', 'viewer'];
const ROLE_WORDS: Record<Role, string> = {
  admin: 'Admin: manages users and settings',
  member: 'Member: works with the data',
  viewer: 'Viewer: sees, changes nothing',
};

/** The same calls at either level of the tree: `/v1/agencies/{agencyId}/…` or `/v1/clients/{clientId}/…`. */
function usersOf(level: Level, tenantId: string) {
  const agency = { params: { path: { agencyId: tenantId } } };
  const client = { params: { path: { clientId: tenantId } } };
  return {
    list: async () =>
      ok(
        level === 'agency'
          ? await api.GET('/v1/agencies/{agencyId}/users', agency)
          : await api.GET('/v1/clients/{clientId}/users', client),
      ).items,
    invitations: async () =>
      ok(
        level === 'agency'
          ? await api.GET('/v1/agencies/{agencyId}/invitations', agency)
          : await api.GET('/v1/clients/{clientId}/invitations', client),
      ).items,
    add: async (body: { email: string; password: string; role: Role }) =>
      ok(
        level === 'agency'
          ? await api.POST('/v1/agencies/{agencyId}/users', { ...agency, body })
          : await api.POST('/v1/clients/{clientId}/users', { ...client, body }),
      ),
    invite: async (body: { email: string; role: Role }) =>
      ok(
        level === 'agency'
          ? await api.POST('/v1/agencies/{agencyId}/invitations', { ...agency, body })
          : await api.POST('/v1/clients/{clientId}/invitations', { ...client, body }),
      ),
    setRole: async (userId: string, role: Role) =>
      ok(
        level === 'agency'
          ? await api.PATCH('/v1/agencies/{agencyId}/users/{userId}', {
              params: { path: { agencyId: tenantId, userId } },
              body: { role },
            })
          : await api.PATCH('/v1/clients/{clientId}/users/{userId}', {
              params: { path: { clientId: tenantId, userId } },
              body: { role },
            }),
      ),
    remove: async (userId: string) => {
      ok(
        level === 'agency'
          ? await api.DELETE('/v1/agencies/{agencyId}/users/{userId}', {
              params: { path: { agencyId: tenantId, userId } },
            })
          : await api.DELETE('/v1/clients/{clientId}/users/{userId}', {
              params: { path: { clientId: tenantId, userId } },
            }),
      );
    },
    withdraw: async (invitationId: string) => {
      ok(
        level === 'agency'
          ? await api.DELETE('/v1/agencies/{agencyId}/invitations/{invitationId}', {
              params: { path: { agencyId: tenantId, invitationId } },
            })
          : await api.DELETE('/v1/clients/{clientId}/invitations/{invitationId}', {
              params: { path: { clientId: tenantId, invitationId } },
            }),
      );
    },
  };
}
type UsersApi = ReturnType<typeof usersOf>;

export function AgencyUsersPage({ agencyId }: Record<string, string>) {
  const claims = useClaims();
  return (
    <>
      {claims.tty === 'platform' && <AgencyTrail agencyId={agencyId as string} />}
      <UsersPage level="agency" tenantId={agencyId as string} />
    </>
  );
}

function AgencyTrail({ agencyId }: { agencyId: string }) {
  const agency = useAgency(agencyId);
  return <AgencyCrumbs agencyId={agencyId} name={agency.data?.name} here="Users" />;
}

export function ClientUsersPage({ clientId }: Record<string, string>) {
  return (
    <ClientFrame clientId={clientId as string}>
      <UsersPage level="client" tenantId={clientId as string} />
    </ClientFrame>
  );
}

function UsersPage({ level, tenantId }: { level: Level; tenantId: string }) {
  const claims = useClaims();
  const header = (
    <PageHeader
      title="Users"
      description={`The people who sign in to this ${level}, and the invitations not yet accepted.`}
    />
  );
  // GET …/users and …/invitations need the admin role (of this tenant or one above it).
  if (claims.role !== 'admin')
    return (
      <section>
        {header}
        <p class="notice info">
          Only admins see and manage the users of this {level}. Your role is {claims.role}; ask an admin of your{' '}
          {claims.tty} for a change.
        </p>
      </section>
    );
  return (
    <section>
      {header}
      <ManageUsers level={level} calls={usersOf(level, tenantId)} key={`${level}:${tenantId}`} />
    </section>
  );
}

function ManageUsers({ level, calls }: { level: Level; calls: UsersApi }) {
  const [announcer, announce] = useAnnouncer();
  const users = useLoad(calls.list, []);
  const invitations = useLoad(calls.invitations, []);
  const [token, setToken] = useState<{ email: string; token: string; expiresAt: string } | null>(null);
  const [added, setAdded] = useState(0);
  const [lastMade, setLastMade] = useState<'user' | 'invitation' | null>(null);

  async function add(form: FormData) {
    const user = await calls.add({
      email: String(form.get('email')),
      password: String(form.get('password')),
      role: String(form.get('role')) as Role,
    });
    setAdded(added + 1);
    setLastMade('user');
    announce(`${user.email} added as ${user.role}.`);
    users.reload();
  }

  async function invite(form: FormData) {
    const invitation = await calls.invite({ email: String(form.get('email')), role: String(form.get('role')) as Role });
    setToken({ email: invitation.email, token: invitation.token, expiresAt: invitation.expiresAt });
    setAdded(added + 1);
    setLastMade('invitation');
    announce(`Invitation for ${invitation.email} made.`);
    invitations.reload();
  }

  return (
    <>
      <LoadState loaded={users}>
        {(items) => (
          <UserTable
            level={level}
            users={items}
            calls={calls}
            onChanged={(message) => {
              announce(message);
              users.reload();
            }}
          />
        )}
      </LoadState>
      <div class="grid users-forms" key={added}>
        <Form onSubmit={add} submitLabel="Add user" class="card" label="Add a user" focusOnOpen={lastMade === 'user'}>
          <h2>Add a user</h2>
          <p class="hint">You set the first password; they can change it under Account.</p>
          <EmailField />
          <Field label="Password" hint="12 to 200 characters.">
            {(id, hint) => (
              <input
                id={id}
                name="password"
                type="password"
                autoComplete="new-password"
                minLength={12}
                maxLength={200}
                required
                aria-describedby={hint}
              />
            )}
          </Field>
          <RoleField />
        </Form>
        <Form
          onSubmit={invite}
          submitLabel="Invite"
          class="card"
          label="Invite someone"
          focusOnOpen={lastMade === 'invitation'}
        >
          <h2>Invite someone</h2>
          <p class="hint">They choose their own password with the invitation token you pass on.</p>
          <EmailField />
          <RoleField />
        </Form>
      </div>
      {token && (
        <div class="notice good invitation-token">
          <p>
            Pass this invitation token to {token.email}. It is shown only now, and works once, until{' '}
            <When value={token.expiresAt} />.
          </p>
          <CopyValue value={token.token} what={`the invitation token of ${token.email}`} />
        </div>
      )}
      <h2>Invitations not yet accepted</h2>
      <LoadState loaded={invitations}>
        {(items) => (
          <InvitationTable
            invitations={items}
            calls={calls}
            onWithdrawn={(email) => {
              announce(`Invitation for ${email} withdrawn.`);
              invitations.reload();
            }}
          />
        )}
      </LoadState>
      {announcer}
    </>
  );
}

/** A button's word, with whom it acts on for screen readers (a table has one per row). */
function WithWhom({ action, whom }: { action: string; whom: string }) {
  return (
    <>
      {action}
      <span class="visually-hidden"> {whom}</span>
    </>
  );
}

function EmailField() {
  return (
    <Field label="Email">
      {(id) => <input id={id} name="email" type="email" autoComplete="off" maxLength={320} required />}
    </Field>
  );
}

function RoleField() {
  return (
    <Field label="Role">
      {(id) => (
        // `selected`, not the select's value: Preact would set a value back on every render.
        <select id={id} name="role">
          {ROLES.map((role) => (
            <option key={role} value={role} selected={role === 'member'}>
              {ROLE_WORDS[role]}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function UserTable({
  level,
  users,
  calls,
  onChanged,
}: {
  level: Level;
  users: Schemas['User'][];
  calls: UsersApi;
  onChanged: (message: string) => void;
}) {
  const claims = useClaims();
  if (users.length === 0) return <p class="notice info">No users yet.</p>;
  return (
    <Table caption="Users" head={['Email', 'Role', 'Added', 'Remove']}>
      {users.map((user) => (
        <tr key={user.id}>
          <td>
            {user.email}
            {user.id === claims.sub && <span class="muted"> (you)</span>}
          </td>
          <td>
            {mayChangeUser(claims, user, level) ? (
              <RoleEditor user={user} calls={calls} onChanged={onChanged} />
            ) : (
              <>
                {user.role} <span class="muted">(a fellow admin: only they or an admin above can change it)</span>
              </>
            )}
          </td>
          <td>
            <When value={user.createdAt} />
          </td>
          <td>
            {mayChangeUser(claims, user, level) && (
              <ConfirmButton
                label={<WithWhom action="Remove" whom={user.email} />}
                class="small"
                danger
                title={`Remove ${user.email}?`}
                message={
                  <p>
                    Their account is deleted and every token of theirs stops working at once.
                    {user.id === claims.sub && ' This is you: you will be signed out.'}
                  </p>
                }
                confirmLabel="Remove user"
                onConfirm={async () => {
                  await calls.remove(user.id);
                  onChanged(`${user.email} removed.`);
                }}
              />
            )}
          </td>
        </tr>
      ))}
    </Table>
  );
}

function RoleEditor({
  user,
  calls,
  onChanged,
}: {
  user: Schemas['User'];
  calls: UsersApi;
  onChanged: (message: string) => void;
}) {
  const claims = useClaims();
  const [role, setRole] = useState<Role>(user.role);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const selectId = `role-${user.id}`;

  async function save() {
    setBusy(true);
    setError(null);
    try {
      const changed = await calls.setRole(user.id, role);
      onChanged(`${changed.email} is now ${changed.role}.`);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="role-editor">
      <label class="visually-hidden" for={selectId}>
        Role of {user.email}
      </label>
      <select id={selectId} value={role} onChange={(event) => setRole(event.currentTarget.value as Role)}>
        {ROLES.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
      {user.id === claims.sub && lowers(user.role, role) ? (
        <ConfirmButton
          label={<WithWhom action="Change role" whom={`of ${user.email}`} />}
          class="small"
          danger
          title={`Lower your own role to ${role}?`}
          message={
            <p>
              A lower role ends your session at once: you will sign in again as {role}, and only an admin can give the
              role back.
            </p>
          }
          confirmLabel="Lower my role"
          onConfirm={async () => {
            const changed = await calls.setRole(user.id, role);
            onChanged(`${changed.email} is now ${changed.role}.`);
          }}
        />
      ) : (
        <button type="button" class="small" disabled={busy || role === user.role} onClick={save}>
          {busy ? 'Saving…' : <WithWhom action="Change role" whom={`of ${user.email}`} />}
        </button>
      )}
      {error !== null && <ErrorNotice error={error} />}
    </div>
  );
}

function InvitationTable({
  invitations,
  calls,
  onWithdrawn,
}: {
  invitations: Schemas['Invitation'][];
  calls: UsersApi;
  onWithdrawn: (email: string) => void;
}) {
  if (invitations.length === 0) return <p class="muted">No open invitations.</p>;
  return (
    <Table caption="Invitations not yet accepted" head={['Email', 'Role', 'Expires', 'Withdraw']}>
      {invitations.map((invitation) => (
        <tr key={invitation.id}>
          <td>{invitation.email}</td>
          <td>{invitation.role}</td>
          <td>
            <When value={invitation.expiresAt} />
          </td>
          <td>
            <ConfirmButton
              label={<WithWhom action="Withdraw" whom={`the invitation for ${invitation.email}`} />}
              class="small"
              danger
              title={`Withdraw the invitation for ${invitation.email}?`}
              message={<p>Its token stops working. You can invite them again later.</p>}
              confirmLabel="Withdraw invitation"
              onConfirm={async () => {
                await calls.withdraw(invitation.id);
                onWithdrawn(invitation.email);
              }}
            />
          </td>
        </tr>
      ))}
    </Table>
  );
}
