/**
 * Runs `fn` once: after `ms`, or as soon as `signal` aborts, whichever comes first; the returned function
 * cancels both. Aborting clears the timer synchronously, so a destroyed widget leaves no timer behind even
 * while its promise chains are still unwinding.
 */
export function later(signal: AbortSignal, ms: number, fn: () => void): () => void {
  const cancel = (): void => {
    clearTimeout(id);
    signal.removeEventListener('abort', run);
  };
  const run = (): void => {
    cancel();
    fn();
  };
  const id = setTimeout(run, ms);
  signal.addEventListener('abort', run);
  if (signal.aborted) run();
  return cancel;
}

/** Resolves after `ms`, or at once when `signal` aborts; callers check the signal afterwards. */
export function sleep(signal: AbortSignal, ms: number): Promise<void> {
  return new Promise((resolve) => later(signal, ms, resolve));
}
