import type { SubmissionRequest, WidgetConfig } from '../shared/widget-wire-types.js';
import type { ApiError } from './api-client.js';

export interface WidgetSubmitEvent {
  /** Names this submission in the later `sent` or `error` event. */
  idempotencyKey: string;
  request: SubmissionRequest;
}

export interface WidgetSentEvent {
  idempotencyKey: string;
  /** The stored submission's id, when the server's answer carried one. */
  id?: string | undefined;
}

export interface WidgetErrorEvent {
  /** `panel`: the panel's file (widget-panel.js) did not load; the next hover or open asks again. */
  source: 'config' | 'submission' | 'panel';
  error: ApiError;
  /**
   * Whether the widget will try again by itself: after a backoff, on `online`, or on the next page load.
   * A submission error with `willRetry` is one that waits in the outbox.
   */
  willRetry: boolean;
}

/** Events of `widget.on(event, fn)` and the payload each handler receives. */
export interface WidgetEventMap {
  /** The configuration arrived and the launcher is on the page. Fires once. */
  ready: { config: WidgetConfig };
  open: undefined;
  close: undefined;
  /** The user sent a valid form; `sent` or `error` follows once the server has answered. */
  submit: WidgetSubmitEvent;
  /** The server stored a submission, from the form just now or from the outbox later. */
  sent: WidgetSentEvent;
  error: WidgetErrorEvent;
}

export type WidgetEventName = keyof WidgetEventMap;
