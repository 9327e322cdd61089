import 'server-only';

/**
 * A small least-recently-used cache bounded by entry count and total size. Keys include the data
 * versions, so a changed file never serves stale results; the bound keeps many distinct queries
 * (or a hostile client) from growing memory.
 */
export class Lru<V> {
  private map = new Map<string, { value: V; size: number }>();
  private total = 0;
  constructor(
    private readonly maxEntries: number,
    private readonly maxSize: number,
    private readonly sizeOf: (v: V) => number,
  ) {}

  get(key: string): V | undefined {
    const hit = this.map.get(key);
    if (!hit) return undefined;
    this.map.delete(key);
    this.map.set(key, hit);
    return hit.value;
  }

  set(key: string, value: V): void {
    const size = this.sizeOf(value);
    if (size > this.maxSize) return;
    const old = this.map.get(key);
    if (old) {
      this.total -= old.size;
      this.map.delete(key);
    }
    this.map.set(key, { value, size });
    this.total += size;
    while (this.map.size > this.maxEntries || this.total > this.maxSize) {
      const [k, v] = this.map.entries().next().value!;
      this.map.delete(k);
      this.total -= v.size;
    }
  }
}
