import type { ReactNode } from 'react';
import { Link } from 'react-router';

// Trailing punctuation is usually the sentence's, not the URL's ("see https://x.org/a.").
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/g;

/**
 * Plain text with its http(s) URLs as links. Links into this app become in-app links, so a local
 * trial can follow an invitation from the outbox without a reload; other URLs open as usual.
 */
export function Linkified({ text }: { text: string }): ReactNode {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const found of text.matchAll(URL_PATTERN)) {
    const url = found[0];
    const start = found.index;
    if (start > last) parts.push(text.slice(last, start));
    parts.push(<MessageLink key={start} url={url} />);
    last = start + url.length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return <>{parts}</>;
}

function MessageLink({ url }: { url: string }) {
  let parsed: URL | null = null;
  try {
    parsed = new URL(url);
  } catch {
    return <>{url}</>;
  }
  if (parsed.origin === window.location.origin) {
    return <Link to={parsed.pathname + parsed.search + parsed.hash}>{url}</Link>;
  }
  return (
    <a href={parsed.href} rel="noopener noreferrer" target="_blank">
      {url}
    </a>
  );
}
