import { lazy, useState, type ComponentType } from 'react';

/** A screen loaded on demand that can also be fetched ahead of the tap that opens it. */
export interface Preloadable {
  component: ComponentType;
  /** Fetches and evaluates the screen's chunk (and its CSS) now; safe to call any number of times. */
  preload(): Promise<unknown>;
}

/**
 * Wraps a lazily imported screen. Opened before its chunk arrived, it suspends as `lazy()` does;
 * opened after `preload()` finished, it renders at once, without a suspended first frame (a
 * `lazy()` component suspends once even when its import has resolved, which costs a "loading…"
 * frame and a second commit on a weak board). Which of the two a mounted screen uses is fixed for
 * its lifetime, so finishing the load while it is up never remounts it.
 */
export function preloadable(load: () => Promise<{ default: ComponentType }>): Preloadable {
  let loaded: ComponentType | null = null;
  let pending: Promise<{ default: ComponentType }> | null = null;
  const preload = () =>
    (pending ??= load().then(
      (module) => {
        loaded = module.default;
        return module;
      },
      (error: unknown) => {
        // A failed fetch (the host restarting) is tried again by the next preload or open.
        pending = null;
        throw error;
      },
    ));
  const Lazy = lazy(preload);
  function PreloadableScreen() {
    const [Ready] = useState(() => loaded);
    return Ready ? <Ready /> : <Lazy />;
  }
  return { component: PreloadableScreen, preload };
}
