'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useTransition } from 'react';
import type { Drill } from '@/lib/query/select-deals';
import { DRILL_PARAMS, drillParams } from '@/lib/view/view-params';

/**
 * Change the view by changing the URL: every state lives in the search params, so reload,
 * back/forward and a pasted link restore it. `null` removes a param. Pushes a history entry.
 */
export function useViewUrl() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();
  const hrefWith = useCallback(
    (patch: Record<string, string | null>) => {
      const next = new URLSearchParams(params.toString());
      for (const [k, v] of Object.entries(patch)) {
        if (v === null || v === '') next.delete(k);
        else next.set(k, v);
      }
      const q = next.toString();
      return q ? `${pathname}?${q}` : pathname;
    },
    [params, pathname],
  );
  const update = useCallback(
    (patch: Record<string, string | null>) => startTransition(() => router.push(hrefWith(patch), { scroll: false })),
    [hrefWith, router],
  );
  return { params, update, hrefWith, pending };
}

/** A URL patch that replaces the drill-down (and its page) with this one; `{}` closes it. */
export function drillPatch(drill: Drill): Record<string, string | null> {
  return { ...Object.fromEntries(DRILL_PARAMS.map((p) => [p, null])), ...drillParams(drill) };
}
