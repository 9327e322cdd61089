import { RECONCILE_DEFAULTS } from '@/lib/view/reconcile-view';
import Link from 'next/link';

/** Views of the product that answer its first questions: each a link to a URL of it, with one line saying what it shows. */
const FEATURED: { href: string; title: string; caption: string }[] = [
  {
    href: `/?ds=${RECONCILE_DEFAULTS.a}&from=1982&to=1987`,
    title: 'North Korea → Iran, 1982–1987, as quoted',
    caption: 'The ten lines of SIPRI’s trade register quoted in the 2018 article.',
  },
  {
    href: '/?supplier=North%20Korea&recipient=Iran&from=1982&to=1987&stack=category&measure=units',
    title: 'What North Korea delivered to Iran',
    caption: 'SIPRI’s data, year by year and by kind of weapon.',
  },
  {
    href: '/?ds=missiles-1985-1988&category=Missiles&from=1985&to=1988&measure=units',
    title: 'The Scud-B chain',
    caption: 'Soviet Union → North Korea → Iran, 1985–1988, from the missile chronology.',
  },
  { href: '/compare?both=1', title: 'Who armed both sides', caption: 'Suppliers of both Iran and Iraq in 1980–1988, mirrored.' },
  {
    href: '/reconcile',
    title: 'The quoted register against SIPRI’s data',
    caption: 'Weapon by weapon: 4,000 anti-tank missiles quoted, 2,000 in SIPRI’s 2024 data.',
  },
];

/** A few links into the product, each answering one of its first questions. */
export function FeaturedViews() {
  return (
    <nav aria-labelledby="featured-title" className="text-sm" data-testid="featured-views">
      <h2 id="featured-title" className="sr-only">
        Featured views
      </h2>
      <ul className="flex flex-wrap gap-2">
        {FEATURED.map((f) => (
          <li key={f.href} className="max-w-64 rounded border border-[var(--line)] px-2 py-1">
            <Link href={f.href} className="font-semibold">
              {f.title}
            </Link>
            <span className="block text-xs text-[var(--muted)]">{f.caption}</span>
          </li>
        ))}
      </ul>
    </nav>
  );
}
