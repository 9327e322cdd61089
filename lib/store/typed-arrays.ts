type Growable = Int32Array | Float64Array | Uint8Array;

/** A typed array twice as long, holding `a`'s contents first: for buffers that grow as they fill. */
export function doubled<T extends Growable>(a: T): T {
  const bigger = new (a.constructor as new (length: number) => T)(Math.max(16, a.length * 2));
  bigger.set(a);
  return bigger;
}

/**
 * The first n entries of a buffer that was filled as it grew: a view of it when it is at least three
 * quarters full (no second array, no copy), a copy of its exact length otherwise (a view would keep
 * the unused rest alive as long as the data). Copying every column once more at the end of a file
 * was, with growing by doubling, what made a ten-fold register cost more per record than one.
 */
export function fitted<T extends Growable>(a: T, n: number): T {
  return (4 * n >= 3 * a.length ? a.subarray(0, n) : a.slice(0, n)) as T;
}
