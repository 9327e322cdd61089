/**
 * A cache of values derived from a register, kept with it (weakly: they go when the register goes)
 * under a key, the `limit` most recently used per register: what views that differ only in their
 * years share (year cells, the colour order).
 */
export function perRegister<T>(limit: number): (register: object, key: string, make: () => T) => T {
  const kept = new WeakMap<object, Map<string, T>>();
  return (register, key, make) => {
    let byKey = kept.get(register);
    if (!byKey) kept.set(register, (byKey = new Map()));
    if (byKey.has(key)) {
      const known = byKey.get(key)!;
      // Most recently used last: the first is the one to let go.
      byKey.delete(key);
      byKey.set(key, known);
      return known;
    }
    const made = make();
    if (byKey.size >= limit) byKey.delete(byKey.keys().next().value!);
    byKey.set(key, made);
    return made;
  };
}
