/** One line-drawn icon per node kind, in the current text colour. */
import type { NodeKind } from '../model';

const paths: Record<NodeKind, React.ReactNode> = {
  client: (
    <>
      <circle cx="12" cy="8" r="3.5" />
      <path d="M5 20c0-3.9 3.1-6.5 7-6.5s7 2.6 7 6.5" />
    </>
  ),
  loadBalancer: (
    <>
      <circle cx="5" cy="12" r="2" />
      <path d="M7 12h4M11 12l6-6M11 12h6M11 12l6 6" />
      <circle cx="19" cy="6" r="1.6" />
      <circle cx="19" cy="12" r="1.6" />
      <circle cx="19" cy="18" r="1.6" />
    </>
  ),
  server: (
    <>
      <rect x="4" y="4" width="16" height="7" rx="1.5" />
      <rect x="4" y="13" width="16" height="7" rx="1.5" />
      <path d="M7.5 7.5h.01M7.5 16.5h.01M11 7.5h5M11 16.5h5" />
    </>
  ),
  cache: <path d="M13 3 5 13.5h6L10 21l9-11h-6.5z" />,
  cdn: (
    <>
      <circle cx="12" cy="12" r="8.5" />
      <path d="M3.5 12h17M12 3.5c2.4 2.4 3.5 5.3 3.5 8.5s-1.1 6.1-3.5 8.5c-2.4-2.4-3.5-5.3-3.5-8.5s1.1-6.1 3.5-8.5z" />
    </>
  ),
  shardRouter: (
    <>
      <path d="M4 12h5M9 12c3 0 3-6 6-6h5M9 12c3 0 3 6 6 6h5M9 12h11" />
      <circle cx="4" cy="12" r="1.6" />
    </>
  ),
  database: (
    <>
      <ellipse cx="12" cy="6" rx="7" ry="2.8" />
      <path d="M5 6v12c0 1.5 3.1 2.8 7 2.8s7-1.3 7-2.8V6M5 12c0 1.5 3.1 2.8 7 2.8s7-1.3 7-2.8" />
    </>
  ),
  queue: (
    <>
      <rect x="3" y="7" width="4" height="10" rx="1" />
      <rect x="8.5" y="7" width="4" height="10" rx="1" />
      <rect x="14" y="7" width="4" height="10" rx="1" />
      <path d="M19.5 12h2" />
    </>
  ),
  rateLimiter: (
    <>
      <circle cx="12" cy="13" r="7.5" />
      <path d="M12 13l4-4M10 3h4" />
    </>
  ),
};

export function KindIcon({ kind, size = 20 }: { kind: NodeKind; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.7"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {paths[kind]}
    </svg>
  );
}
