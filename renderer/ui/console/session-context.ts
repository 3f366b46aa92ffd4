import { createContext, useContext, type Context } from 'react';

/** What every console's session offers its screens for a failure. */
export interface ConsoleSessionErrors {
  /** A failure as a message in the user's language (pure: safe while rendering). */
  describeError(error: unknown): string;
  /** The same, from an event handler: an ended session also signs the console out. */
  failed(error: unknown): string;
}

/**
 * A console's context and the hook its screens read it with. Outside the console's provider the
 * hook throws, naming itself and the console: a screen never runs without its session.
 */
export function requiredContext<T>(hook: string, where: string): { Context: Context<T | null>; use: () => T } {
  const Context = createContext<T | null>(null);
  function useRequired(): T {
    const value = useContext(Context);
    if (value === null) throw new Error(`${hook} outside ${where}`);
    return value;
  }
  return { Context, use: useRequired };
}

/**
 * An error code as a console's message key: one of the codes it has words for, else `generic`
 * (a code added on the server later still reads as a sentence).
 */
export function knownErrorKey<K extends string>(known: readonly K[], code: string | undefined): K | 'generic' {
  return known.find((k) => k === code) ?? 'generic';
}
