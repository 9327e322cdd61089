type Growable = Int32Array | Float64Array | Uint8Array;

/** A typed array twice as long, holding `a`'s contents first: for buffers that grow as they fill. */
export function doubled<T extends Growable>(a: T): T {
  const bigger = new (a.constructor as new (length: number) => T)(Math.max(16, a.length * 2));
  bigger.set(a);
  return bigger;
}
