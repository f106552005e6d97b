/**
 * A repository whose module loads on its first call. Every repository method returns a promise, so the
 * stand-in can wait for the module (a chunk in a web part) and then call the real method: a first view,
 * which reads through its view loader, never fetches it; a write, "Vis flere" or a picker does.
 */
export function lazyRepository<T extends object>(load: () => Promise<T>): T {
  let instance: Promise<T> | undefined;
  const ready = (): Promise<T> => {
    if (!instance) {
      instance = load().catch((error: unknown) => {
        // A failed chunk load is tried again at the next call.
        instance = undefined;
        throw error;
      });
    }
    return instance;
  };
  const methods = new Map<string, (...args: unknown[]) => Promise<unknown>>();
  return new Proxy({} as T, {
    get(_target, name) {
      // Not a thenable, and nothing but methods.
      if (typeof name !== 'string' || name === 'then') return undefined;
      let method = methods.get(name);
      if (!method) {
        method = (...args: unknown[]) =>
          ready().then((repository) => {
            const real = (repository as Record<string, unknown>)[name];
            if (typeof real !== 'function') throw new TypeError(`The repository has no method ${name}.`);
            return (real as (...a: unknown[]) => Promise<unknown>).apply(repository, args);
          });
        methods.set(name, method);
      }
      return method;
    },
  });
}
