// @vitest-environment jsdom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LeadForm } from '../../widget/components/lead-form.js';
import { Panel, type FormStatus } from '../../widget/components/panel.js';
import { createLauncher } from '../../widget/launcher.js';
import { EN } from '../../widget/strings.js';
import type { WidgetConfig } from '../../widget/index.js';
import { widgetConfig } from '../support/widget-fixtures.js';

let container: HTMLElement;
function mount(node: preact.ComponentChild): HTMLElement {
  container = document.createElement('div');
  document.body.append(container);
  render(node, container);
  return container;
}

afterEach(() => {
  render(null, container);
  container.remove();
});

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function control(root: HTMLElement, name: string): HTMLInputElement {
  return root.querySelector<HTMLFormElement>('form')!.elements.namedItem(name) as HTMLInputElement;
}

function submit(root: HTMLElement): void {
  root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
}

function type(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('LeadForm', () => {
  const config = widgetConfig();

  it('renders every configured field with its type, name and label', () => {
    const root = mount(
      <LeadForm strings={EN} fields={config.fields} submitLabel="Send" busy={false} onSubmit={() => {}} />,
    );
    const form = root.querySelector('form')!;
    expect(form.getAttribute('part')).toBe('form');
    expect(form.noValidate).toBe(true);
    const controls = Array.from(form.querySelectorAll('input, textarea'));
    expect(controls.map((el) => [el.getAttribute('name'), el.getAttribute('type') ?? el.tagName])).toEqual([
      ['name', 'text'],
      ['email', 'email'],
      ['phone', 'tel'],
      ['message', 'TEXTAREA'],
    ]);
    for (const el of controls) {
      const label = form.querySelector(`label[for="${el.id}"]`);
      expect(label?.textContent).toContain(config.fields.find((f) => f.name === el.getAttribute('name'))!.label);
    }
    expect(control(root, 'email').required).toBe(true);
    expect(control(root, 'name').required).toBe(false);
    expect(control(root, 'message').maxLength).toBe(500);
    expect(control(root, 'email').getAttribute('autocomplete')).toBe('email');
    expect(root.querySelector('button[type="submit"]')!.textContent).toBe('Send');
  });

  it('shows a message per invalid field, linked for screen readers, and focuses the first', async () => {
    const onSubmit = vi.fn();
    const root = mount(
      <LeadForm strings={EN} fields={config.fields} submitLabel="Send" busy={false} onSubmit={onSubmit} />,
    );
    type(control(root, 'phone'), 'call me');
    submit(root);
    await tick();

    expect(onSubmit).not.toHaveBeenCalled();
    const email = control(root, 'email');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    const described = root.querySelector(`#${email.getAttribute('aria-describedby')}`);
    expect(described?.textContent).toBe('Email is required.');
    expect(root.querySelector(`#${control(root, 'phone').getAttribute('aria-describedby')}`)?.textContent).toMatch(
      /phone number/,
    );
    expect(root.querySelector(`#${control(root, 'message').getAttribute('aria-describedby')}`)?.textContent).toBe(
      'Message is required.',
    );
    expect(control(root, 'name').getAttribute('aria-invalid')).toBe('false');
    expect(control(root, 'name').hasAttribute('aria-describedby')).toBe(false);
    expect(document.activeElement).toBe(email);
  });

  it('clears a message as soon as the field is fixed', async () => {
    const root = mount(
      <LeadForm strings={EN} fields={config.fields} submitLabel="Send" busy={false} onSubmit={() => {}} />,
    );
    submit(root);
    await tick();
    const email = control(root, 'email');
    type(email, 'ada@');
    await tick();
    expect(root.querySelector(`#${email.getAttribute('aria-describedby')}`)?.textContent).toMatch(/email address/);
    type(email, 'ada@example.com');
    await tick();
    expect(email.getAttribute('aria-invalid')).toBe('false');
    expect(root.querySelectorAll('.err')).toHaveLength(1); // only Message still complains
  });

  it('hands over the values once valid, and ignores a second submit while busy', async () => {
    const onSubmit = vi.fn();
    const root = mount(
      <LeadForm strings={EN} fields={config.fields} submitLabel="Send" busy={false} onSubmit={onSubmit} />,
    );
    type(control(root, 'email'), 'ada@example.com');
    type(control(root, 'message'), ' Hi ');
    submit(root);
    expect(onSubmit).toHaveBeenCalledWith({ name: '', email: 'ada@example.com', phone: '', message: ' Hi ' });

    render(<LeadForm strings={EN} fields={config.fields} submitLabel="Send" busy onSubmit={onSubmit} />, container);
    expect(root.querySelector('button[type="submit"]')!.getAttribute('aria-disabled')).toBe('true');
    expect(root.querySelector('form')!.getAttribute('aria-busy')).toBe('true');
    submit(root);
    expect(onSubmit).toHaveBeenCalledOnce();
  });
});

describe('Panel', () => {
  function panel(status: FormStatus, overrides: Partial<WidgetConfig> = {}) {
    const config = widgetConfig('pk', overrides);
    return mount(
      <Panel
        id="p"
        config={config}
        open
        status={status}
        onClose={() => {}}
        onSubmit={() => {}}
        onReset={() => {}}
        strings={EN}
        prefill={{}}
      />,
    );
  }

  it('shows title, intro and the form, with an empty status region', () => {
    const root = panel({ state: 'idle' });
    expect(root.querySelector('h2')!.textContent).toBe('Talk to us');
    expect(root.querySelector('.intro')!.textContent).toBe('We answer within a day.');
    expect(root.querySelector('[part="form"]')).not.toBeNull();
    expect(root.querySelector('[part="status"]')!.textContent).toBe('');
  });

  it.each([
    [{ state: 'sending' } as const, 'Sending…', true],
    [{ state: 'sent' } as const, 'Thanks, we got it!', false],
    [{ state: 'queued', offline: true } as const, EN.queued, false],
    [{ state: 'queued', offline: false } as const, EN.errorUnavailable, false],
    [
      { state: 'error', error: { kind: 'http', status: 409, message: 'internal detail' } } as const,
      EN.errorInvalid,
      true,
    ],
    [
      { state: 'error', error: { kind: 'http', status: 400, code: 'UPZ_INVALID_EMAIL', message: 'x' } } as const,
      EN.invalidEmail,
      true,
    ],
    [
      {
        state: 'error',
        error: { kind: 'http', status: 400, code: 'UPZ_INVALID_INPUT', field: 'fields.phone', message: 'x' },
      } as const,
      'Please check Phone.',
      true,
    ],
    [{ state: 'queued', offline: false, rateLimited: true } as const, EN.errorRateLimited, false],
    [
      {
        state: 'error',
        error: { kind: 'http', status: 403, message: 'Domain not authorized for this client' },
      } as const,
      EN.errorNotAuthorized,
      true,
    ],
    [
      {
        state: 'error',
        error: { kind: 'http', status: 400, message: 'body/fields/phone must match pattern "x"' },
      } as const,
      'Please check Phone.',
      true,
    ],
  ])('status %j reads %j', (status, text, formShown) => {
    const root = panel(status);
    const region = root.querySelector('[part="status"]')!;
    expect(region.textContent).toBe(text);
    expect(region.classList.contains('error')).toBe(status.state === 'error');
    expect(root.querySelector('[part="form"]') !== null).toBe(formShown);
  });

  it('leaves out an empty intro', () => {
    expect(panel({ state: 'idle' }, { intro: '' }).querySelector('.intro')).toBeNull();
  });

  it('after sending, leaves the intro out and offers to send another', () => {
    const onReset = vi.fn();
    const root = mount(
      <Panel
        id="p"
        config={widgetConfig()}
        open
        status={{ state: 'sent' }}
        onClose={() => {}}
        onSubmit={() => {}}
        onReset={onReset}
        strings={EN}
        prefill={{}}
      />,
    );
    expect(root.querySelector('.intro')).toBeNull();
    const again = root.querySelector<HTMLButtonElement>('[part~="again"]')!;
    expect(again.textContent).toBe('Send another message');
    again.click();
    expect(onReset).toHaveBeenCalledOnce();
  });

  it('closes from its close button', () => {
    const onClose = vi.fn();
    const root = mount(
      <Panel
        id="p"
        config={widgetConfig()}
        open
        status={{ state: 'idle' }}
        onClose={onClose}
        onSubmit={() => {}}
        onReset={() => {}}
        strings={EN}
        prefill={{}}
      />,
    );
    root.querySelector<HTMLButtonElement>('button[aria-label="Close"]')!.click();
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});

describe('launcher', () => {
  function launcher(config: WidgetConfig, open = false) {
    const slot = document.createElement('div');
    document.body.append(slot);
    const handlers = { onToggle: vi.fn(), onIntent: vi.fn(), onEscape: vi.fn() };
    const view = createLauncher(slot, handlers);
    view.update({ config, open, closeLabel: 'Close', launcher: true, rtl: false });
    return { root: slot.querySelector<HTMLElement>('.root')!, view, handlers };
  }

  it('puts the theme into custom properties and picks readable text on the primary colour', () => {
    const dark = launcher(widgetConfig()).root;
    expect(dark.style.getPropertyValue('--lp')).toBe('#1a73e8');
    expect(dark.style.getPropertyValue('--lt')).toBe('#202124');
    expect(dark.style.getPropertyValue('--lb')).toBe('#ffffff');
    expect(dark.style.getPropertyValue('--lo')).toBe('#000000');

    const light = widgetConfig('pk', { theme: { primary: '#ffd400', text: '#000000', background: '#ffffff' } });
    const root = launcher({ ...light, position: 'bottom-left' }).root;
    expect(root.style.getPropertyValue('--lo')).toBe('#000000');
    expect(root.classList.contains('bottom-left')).toBe(true);
  });

  it('says what it does: its label closed, the close label open, with aria-expanded', () => {
    const { view } = launcher(widgetConfig());
    expect(view.button.textContent).toBe('Contact');
    expect(view.button.getAttribute('aria-expanded')).toBe('false');
    view.update({ config: widgetConfig(), open: true, closeLabel: 'Schließen', launcher: true, rtl: false });
    expect(view.button.textContent).toBe('Schließen');
    expect(view.button.getAttribute('aria-expanded')).toBe('true');
  });

  it('asks for the panel on hover and focus, toggles on click, and hears Escape from the launcher itself', () => {
    const { view, handlers } = launcher(widgetConfig());
    view.button.dispatchEvent(new Event('pointerenter'));
    view.button.dispatchEvent(new FocusEvent('focus'));
    expect(handlers.onIntent).toHaveBeenCalledTimes(2);
    view.button.click();
    expect(handlers.onToggle).toHaveBeenCalledOnce();
    view.button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    view.button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(handlers.onEscape).toHaveBeenCalledOnce();
  });
});
