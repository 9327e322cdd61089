import { TOPOLOGY } from '@/lib/server/topology';

const BODY = JSON.stringify(TOPOLOGY);

/** GET /api/topology: the world map's country shapes (world-atlas 2.0.2, countries-110m), cached a day. */
export function GET() {
  return new Response(BODY, {
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'public, max-age=86400' },
  });
}
