/**
 * The one 503 answer: the API's error shape with code UPZ_UNAVAILABLE and a Retry-After header,
 * whether the error handler, the start-up door or the shutting-down door sends it.
 */
import { STATUS_CODES } from 'node:http';
import { ServiceUnavailable } from '../errors.ts';

/** Seconds a caller is asked to wait before it tries again. */
export const RETRY_AFTER_SECONDS = 5;

export interface UnavailableBody {
  statusCode: 503;
  code: string;
  error: string;
  message: string;
}

export function unavailableBody(message: string): UnavailableBody {
  const error = new ServiceUnavailable(message);
  return { statusCode: 503, code: error.code, error: STATUS_CODES[503] as string, message: error.message };
}
