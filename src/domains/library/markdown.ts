// Module bodies are Markdown, rendered here on the server so the web app receives only sanitised
// HTML and ships no Markdown parser (docs/decisions/0013). Two layers: markdown-it with HTML off
// (raw HTML in the source comes out as escaped text, and its link validator refuses javascript:,
// vbscript:, file: and data: URLs), then sanitize-html with a short allowlist of tags, attributes
// and URL schemes, so a future option or plugin of the parser cannot let anything else through.
import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: true });

// Headings start at h2: the module's title is the page's h1.
const ALLOWED_TAGS = [
  'h2',
  'h3',
  'h4',
  'p',
  'ul',
  'ol',
  'li',
  'strong',
  'em',
  'a',
  'blockquote',
  'code',
  'pre',
  'hr',
  'br',
];

const SANITISE: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: { a: ['href', 'rel'], ol: ['start'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  // Whatever is not allowed goes with its content for script-like tags, and unwrapped otherwise.
  disallowedTagsMode: 'discard',
  // An image alone in a paragraph leaves the paragraph empty once the image is dropped.
  exclusiveFilter: (frame) => frame.tag === 'p' && !frame.text.trim(),
  transformTags: {
    h1: 'h2',
    h5: 'h4',
    h6: 'h4',
    // Links leave the app without telling the other site where the reader came from.
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow' }),
  },
};

/** Sanitised HTML of a module body. */
export function renderMarkdown(source: string): string {
  return sanitizeHtml(markdown.render(source), SANITISE);
}

/** What a body contains that the content rules care about, from markdown-it's tokens. */
export interface MarkdownFacts {
  words: number;
  /** Raw HTML tags written in the source (shown as text, never as HTML). */
  html: string[];
  images: number;
  /** Link targets, as written. */
  links: string[];
  /** Level-1 headings (`# …`): the page title is the only h1. */
  topHeadings: number;
}

// With HTML off, raw HTML would be read as text; the inspector reads it as HTML to find it.
const inspector = new MarkdownIt({ html: true });

type Token = ReturnType<typeof inspector.parse>[number];

export function inspectMarkdown(source: string): MarkdownFacts {
  const facts: MarkdownFacts = { words: 0, html: [], images: 0, links: [], topHeadings: 0 };
  const visit = (tokens: Token[]) => {
    for (const token of tokens) {
      if (token.type === 'html_block' || token.type === 'html_inline') facts.html.push(token.content.trim());
      if (token.type === 'image') facts.images += 1;
      if (token.type === 'link_open') facts.links.push(String(token.attrGet('href') ?? ''));
      if (token.type === 'heading_open' && token.tag === 'h1') facts.topHeadings += 1;
      if (token.type === 'text' || token.type === 'code_inline') facts.words += countWords(token.content);
      if (token.children) visit(token.children);
    }
  };
  visit(inspector.parse(source, {}));
  return facts;
}

const countWords = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
