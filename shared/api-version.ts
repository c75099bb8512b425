/** The API version header, and the version the widget bundle speaks (both sides import these). */

/** Names the API version of a request, and of the response that answers it. */
export const API_VERSION_HEADER = 'Upzento-Version';

/**
 * The version this widget bundle's requests are written for; sent with each of them, so a bundle cached
 * by a browser keeps its answers' shape after the server moves on. A request without the header is
 * from a bundle older than versions, and is served in the oldest version.
 */
export const WIDGET_API_VERSION = '2026-12-01';
