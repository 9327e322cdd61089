import { NextResponse, type NextRequest } from 'next/server';

/**
 * A Content-Security-Policy with a fresh nonce per page request: Next.js puts the nonce on its own
 * inline scripts, so no 'unsafe-inline' is needed for scripts. Styles keep 'unsafe-inline' because
 * charts position tooltips and swatches with style attributes (which nonces cannot cover).
 */
export function proxy(request: NextRequest) {
  const benchPage = isBenchPage(request.nextUrl.pathname);
  // The benchmark's pages are measured as they were before the proxy saw them: no CSP to compute.
  if (benchPage && process.env.BENCH === '1') return NextResponse.next();
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const dev = process.env.NODE_ENV === 'development';
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('Content-Security-Policy', csp);
  // Elsewhere they are not pages of the product: the app's own "No such page", with a 404.
  const response = benchPage
    ? NextResponse.rewrite(new URL('/_bench-pages-need-BENCH-1', request.url), { request: { headers } })
    : NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

/** /baseline and below: the pages `npm run bench` measures the dashboard against (BENCH=1). */
function isBenchPage(pathname: string): boolean {
  return pathname === '/baseline' || pathname.startsWith('/baseline/');
}

export const config = {
  matcher: [
    {
      source: '/((?!api|_next/static|_next/image|icon.png|baseline(?:/|$)).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
    // Every request of the benchmark's pages, prefetches included, so that none is served without BENCH=1.
    '/baseline',
    '/baseline/:path*',
  ],
};
