/** A client's widget settings read and written past the API, as an earlier version could have stored them. */
import type { TestApp } from './test-app.ts';

export async function storeWidgetSettings(t: TestApp, clientId: string, widget: object): Promise<void> {
  await t.data.privileged('test: settings an earlier version stored', (db) =>
    db
      .updateTable('client_settings')
      .set({ widget: JSON.stringify(widget) })
      .where('client_id', '=', clientId)
      .execute(),
  );
}

export async function storedWidgetSettings(t: TestApp, clientId: string): Promise<Record<string, any>> {
  const row = await t.data.privileged('test: read stored settings', (db) =>
    db.selectFrom('client_settings').select('widget').where('client_id', '=', clientId).executeTakeFirstOrThrow(),
  );
  return row.widget as Record<string, any>;
}
