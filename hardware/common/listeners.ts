/**
 * A small typed listener registry: each event name has exactly one payload
 * type, so `on('card', …)` hands the listener an `IdCard`, not `any`.
 */
export class Listeners<Events extends object> {
  private readonly map = new Map<keyof Events, Set<(payload: never) => void>>();

  constructor(
    /** Where a throwing listener's error goes: it must not stop the driver that emits. */
    private readonly onListenerError: (error: unknown) => void = () => undefined,
  ) {}

  on<K extends keyof Events>(event: K, listener: (payload: Events[K]) => void): () => void {
    let set = this.map.get(event);
    if (!set) {
      set = new Set();
      this.map.set(event, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  }

  emit<K extends keyof Events>(event: K, payload: Events[K]): void {
    const set = this.map.get(event);
    if (!set) return;
    for (const listener of [...set] as ((payload: Events[K]) => void)[]) {
      try {
        listener(payload);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }

  clear(): void {
    this.map.clear();
  }
}
