// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { installCommandQueue } from '../../widget/command-queue.js';
import type { Widget, WidgetOptions } from '../../widget/index.js';
import { fakeFetch, hostOf, json, part, widgetConfig } from '../support/widget-fixtures.js';

/** The snippet a page pastes before the script tag. */
function pageStub(): void {
  const stub = ((...args: unknown[]) => {
    (stub.q = stub.q ?? []).push(args);
  }) as unknown as NonNullable<Window['Upzento']> & { q?: unknown[][] };
  window.Upzento = stub;
}

interface FakeWidget {
  open: Mock<() => void>;
  close: Mock<() => void>;
  destroy: Mock<() => void>;
  identify: Mock<(identity: unknown) => void>;
  set: Mock<(values: unknown) => void>;
  on: Mock<(event: string, fn: unknown) => Mock<() => void>>;
}

function fakeWidgets() {
  const created: { options: WidgetOptions; widget: FakeWidget }[] = [];
  const create = vi.fn((options: WidgetOptions) => {
    const widget: FakeWidget = {
      open: vi.fn(),
      close: vi.fn(),
      destroy: vi.fn(),
      identify: vi.fn(),
      set: vi.fn(),
      on: vi.fn(() => vi.fn()),
    };
    created.push({ options, widget });
    return widget as unknown as Widget;
  });
  return { create, created };
}

beforeEach(() => {
  delete window.Upzento;
});

afterEach(() => {
  window.Upzento?.('destroy');
  delete window.Upzento;
  document.head.innerHTML = '';
  document.body.innerHTML = '';
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('command queue', () => {
  it('replays calls the page queued before the bundle arrived, inits first', () => {
    pageStub();
    const onSubmit = () => {};
    window.Upzento!('open');
    window.Upzento!('on', 'submit', onSubmit);
    window.Upzento!('init', { publicKey: 'pk_a', apiBase: 'https://crm.example.test' });
    const { create, created } = fakeWidgets();

    installCommandQueue(window, [], create);
    expect(create).toHaveBeenCalledOnce();
    expect(created[0]!.options.publicKey).toBe('pk_a');
    expect(created[0]!.widget.open).toHaveBeenCalledOnce();
    expect(created[0]!.widget.on).toHaveBeenCalledWith('submit', onSubmit);
  });

  it('hands identify and set to every widget, and to widgets created later', () => {
    pageStub();
    const identity = { userId: 'u1', userHash: 'a'.repeat(64) };
    window.Upzento!('identify', identity);
    window.Upzento!('set', { plan: 'pro' });
    const { create, created } = fakeWidgets();
    const upzento = installCommandQueue(window, [{ publicKey: 'pk_a', apiBase: 'https://a.test' }], create);
    // Replayed after the script tag's init, so they reach that widget as calls.
    expect(created[0]!.widget.identify).toHaveBeenCalledWith(identity);
    expect(created[0]!.widget.set).toHaveBeenCalledWith({ plan: 'pro' });
    upzento('set', { source: 'ad' });
    upzento('identify', { ...identity, name: 'Ada' }, 'pk_a');
    expect(created[0]!.widget.set).toHaveBeenCalledWith({ source: 'ad' });
    expect(created[0]!.widget.identify).toHaveBeenCalledWith({ ...identity, name: 'Ada' });
    upzento('init', { publicKey: 'pk_b', apiBase: 'https://a.test' });
    // A keyed identify was for pk_a alone; the page-wide one still holds for pk_b.
    expect(created[1]!.options).toMatchObject({ identity, fields: { plan: 'pro', source: 'ad' } });
  });

  it('runs calls directly once installed, and applies earlier subscriptions to later widgets', () => {
    const { create, created } = fakeWidgets();
    const upzento = installCommandQueue(window, [], create);
    expect(window.Upzento).toBe(upzento);
    const onReady = () => {};
    const unsubscribe = upzento('on', 'ready', onReady);
    const widget = upzento('init', { publicKey: 'pk_a', apiBase: 'https://a.test' });
    expect(widget).toBe(created[0]!.widget);
    expect(created[0]!.widget.on).toHaveBeenCalledWith('ready', onReady);

    unsubscribe?.();
    expect(created[0]!.widget.on.mock.results[0]!.value).toHaveBeenCalledOnce();
    upzento('init', { publicKey: 'pk_b', apiBase: 'https://a.test' });
    expect(created[1]!.widget.on).not.toHaveBeenCalled();
  });

  it('targets one widget by key, or all without one', () => {
    const { create, created } = fakeWidgets();
    const upzento = installCommandQueue(window, [], create);
    upzento('init', { publicKey: 'pk_a', apiBase: 'https://a.test' });
    upzento('init', { publicKey: 'pk_b', apiBase: 'https://a.test' });
    upzento('open', 'pk_b');
    expect(created[0]!.widget.open).not.toHaveBeenCalled();
    expect(created[1]!.widget.open).toHaveBeenCalledOnce();
    upzento('close');
    expect(created[0]!.widget.close).toHaveBeenCalledOnce();
    expect(created[1]!.widget.close).toHaveBeenCalledOnce();
    upzento('destroy', 'pk_a');
    upzento('open');
    expect(created[0]!.widget.open).not.toHaveBeenCalled();
  });

  it('makes one widget per key however often it is initialised', () => {
    const { create } = fakeWidgets();
    const upzento = installCommandQueue(window, [{ publicKey: 'pk_a', apiBase: 'https://a.test' }], create);
    upzento('init', { publicKey: 'pk_a', apiBase: 'https://a.test' });
    expect(create).toHaveBeenCalledOnce();
  });

  it('survives a bad call and carries on with the queue', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    pageStub();
    window.Upzento!('init', undefined as unknown as WidgetOptions);
    (window.Upzento as unknown as (command: string) => void)('explode');
    window.Upzento!('init', { publicKey: 'pk_a', apiBase: 'https://a.test' });
    const { create } = fakeWidgets();
    installCommandQueue(window, [], create);
    expect(create).toHaveBeenCalledOnce();
    expect(error).toHaveBeenCalledOnce();
    expect(warn).toHaveBeenCalledWith('Upzento: unknown command "explode"');
  });

  it('joins a command function installed by an earlier copy of the bundle', () => {
    const first = fakeWidgets();
    const upzento = installCommandQueue(window, [{ publicKey: 'pk_a', apiBase: 'https://a.test' }], first.create);
    const second = fakeWidgets();
    const again = installCommandQueue(window, [{ publicKey: 'pk_b', apiBase: 'https://a.test' }], second.create);
    expect(again).toBe(upzento);
    expect(first.created.map((c) => c.options.publicKey)).toEqual(['pk_a', 'pk_b']);
    expect(second.create).not.toHaveBeenCalled();
  });
});

describe('script-tag loader', () => {
  function scriptTag(attributes: Record<string, string>): HTMLScriptElement {
    const script = document.createElement('script');
    for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value);
    document.head.append(script);
    return script;
  }

  async function runLoader(currentScript: HTMLScriptElement | null): Promise<void> {
    vi.spyOn(document, 'currentScript', 'get').mockReturnValue(currentScript);
    vi.resetModules();
    await import('../../widget/loader.js');
  }

  it('inits from its own data-key, with apiBase from its src, and replays the page queue', async () => {
    const server = fakeFetch();
    vi.stubGlobal('fetch', server.fetch);
    pageStub();
    const ready = vi.fn();
    window.Upzento!('on', 'ready', ready);
    window.Upzento!('open');
    const script = scriptTag({ src: 'https://crm.example.test/widget.js', 'data-key': 'pk_test', nonce: 'n0nce' });

    await runLoader(script);
    await vi.waitFor(() => expect(ready).toHaveBeenCalledOnce());
    expect(server.calls[0]!.url).toBe('https://crm.example.test/v1/widget/pk_test/config?v=2026-12-01');
    expect(part('panel').hidden).toBe(false);
    // jsdom lacks constructable stylesheets, so the tag's own nonce serves the fallback <style>.
    expect(hostOf()!.shadowRoot!.querySelector('style')?.getAttribute('nonce')).toBe('n0nce');

    // After load, calls act at once.
    window.Upzento!('close');
    expect(part('panel').hidden).toBe(true);
  });

  it('prefers data-api-base over the origin of its src', async () => {
    const server = fakeFetch();
    vi.stubGlobal('fetch', server.fetch);
    const script = scriptTag({
      src: 'https://cdn.example.test/widget.js',
      'data-key': 'pk_test',
      'data-api-base': 'https://api.example.test/upzento',
    });
    await runLoader(script);
    await vi.waitFor(() => expect(server.calls).toHaveLength(1));
    expect(server.calls[0]!.url).toBe('https://api.example.test/upzento/v1/widget/pk_test/config?v=2026-12-01');
  });

  it('falls back to the last widget.js tag with a data-key when currentScript is missing', async () => {
    const server = fakeFetch();
    vi.stubGlobal('fetch', server.fetch);
    scriptTag({ src: 'https://crm.example.test/other.js', 'data-key': 'pk_other' });
    scriptTag({ src: 'https://crm.example.test/widget.js?v=2', 'data-key': 'pk_test' });
    await runLoader(null);
    await vi.waitFor(() => expect(server.calls).toHaveLength(1));
    expect(server.calls[0]!.url).toBe('https://crm.example.test/v1/widget/pk_test/config?v=2026-12-01');
  });

  it('gives every script tag with its own key its own widget', async () => {
    const server = fakeFetch({
      config: [
        json(200, widgetConfig('pk_one', { launcherLabel: 'One' })),
        json(200, widgetConfig('pk_two', { launcherLabel: 'Two' })),
      ],
    });
    vi.stubGlobal('fetch', server.fetch);
    const one = scriptTag({ src: 'https://crm.example.test/widget.js', 'data-key': 'pk_one' });
    const two = scriptTag({ src: 'https://crm.example.test/widget.js', 'data-key': 'pk_two' });
    await runLoader(one);
    await runLoader(two);
    await vi.waitFor(() => {
      expect(part('launcher', 'pk_one').textContent).toBe('One');
      expect(part('launcher', 'pk_two').textContent).toBe('Two');
    });
    expect(document.querySelectorAll('[data-upzento-widget]')).toHaveLength(2);
  });

  it('takes data-launcher="none" and data-locale from its tag', async () => {
    const tag = document.createElement('script');
    tag.src = 'https://crm.example.test/widget.js';
    Object.assign(tag.dataset, { key: 'pk_a', launcher: 'none', locale: 'de-AT' });
    const { scriptOptions } = await import('../../widget/script-options.js');
    expect(scriptOptions(tag)).toMatchObject({ publicKey: 'pk_a', launcher: false, locale: 'de-AT' });
  });

  it('waits for an init call when its tag has no data-key', async () => {
    const server = fakeFetch();
    vi.stubGlobal('fetch', server.fetch);
    const script = scriptTag({ src: 'https://crm.example.test/widget.js' });
    await runLoader(script);
    expect(server.calls).toHaveLength(0);
    expect(hostOf()).toBeNull();
    window.Upzento!('init', { publicKey: 'pk_test', apiBase: 'https://crm.example.test' });
    await vi.waitFor(() => expect(part('launcher')).toBeTruthy());
  });
});
