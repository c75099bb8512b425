export { createWidget } from './create-widget.js';
export type { Widget, WidgetOptions } from './create-widget.js';
export type {
  WidgetErrorEvent,
  WidgetEventMap,
  WidgetEventName,
  WidgetSentEvent,
  WidgetSubmitEvent,
} from './widget-events.js';
export type { ApiError } from './api-client.js';
export type { OutboxStorage } from './outbox.js';
export type { RetryPolicy } from './retry.js';
export type { WidgetIdentity, WidgetSubmission } from './submission-request.js';
export type { SubmissionRequest, WidgetConfig, WidgetField } from '../shared/widget-wire-types.js';
