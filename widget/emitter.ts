type Handler<T> = (payload: T) => void;

export interface Emitter<M> {
  on<K extends keyof M>(event: K, fn: Handler<M[K]>): () => void;
  emit<K extends keyof M>(event: K, payload: M[K]): void;
  clear(): void;
}

export function createEmitter<M>(): Emitter<M> {
  const handlers = new Map<keyof M, Set<Handler<never>>>();
  return {
    on(event, fn) {
      const set = handlers.get(event) ?? new Set();
      handlers.set(event, set.add(fn));
      return () => {
        set.delete(fn);
      };
    },
    emit(event, payload) {
      for (const fn of [...(handlers.get(event) ?? [])]) {
        try {
          (fn as Handler<typeof payload>)(payload);
        } catch (e) {
          // One page handler's bug must not stop the widget or the other handlers.
          console.error(e);
        }
      }
    },
    clear: () => handlers.clear(),
  };
}
