import { notFound } from 'next/navigation';

/**
 * The benchmark's pages are not pages of the product: without BENCH=1 they answer the app's own 404.
 * The dynamic ones check on each request; the static one is prerendered, so it checks at build time
 * (`npm run bench` builds with BENCH=1, a plain `next build` leaves it a 404). Checked here rather than
 * in the proxy, which would add its cost to the very figures the dashboard is measured against.
 */
export function benchOnly(): void {
  if (process.env.BENCH !== '1') notFound();
}
