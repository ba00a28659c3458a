// Read-only resources shared by the stages (gazetteer, registry, model), loaded lazily once per
// process and passed explicitly: no global mutable state in the analysis code.

export interface AnalyzeOptions {
  /** include tokens, sentences, dates, numbers and raw mentions in the output */
  debug?: boolean;
}

export interface Context {
  /** lazily loaded resources, keyed by name; each loader runs once */
  resource<T>(name: string, load: () => T): T;
  options: AnalyzeOptions;
}

export function createContext(options: AnalyzeOptions = {}): Context {
  const cache = new Map<string, unknown>();
  return {
    options,
    resource<T>(name: string, load: () => T): T {
      if (!cache.has(name)) cache.set(name, load());
      return cache.get(name) as T;
    },
  };
}
