// The one place the library inserts HTML: module bodies rendered by the server with markdown-it
// (raw HTML off) and sanitised with an allowlist (src/domains/library/markdown.ts). Nothing typed
// in the browser reaches this component without going through the server first.
export function SafeHtml({ html, className }: { html: string; className?: string }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised on the server (see above).
  return <div className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}
