import { describe, expect, it } from 'vitest';
import { inspectMarkdown, renderMarkdown } from './markdown.ts';

/**
 * No element, attribute or URL that could run script survives, whatever the spelling. Only real
 * tags are checked: escaped source (`&lt;img onerror=…&gt;`) is harmless text.
 */
function expectInert(html: string) {
  const tags = html.match(/<[a-z][^>]*>/gi) ?? [];
  for (const tag of tags) {
    expect(tag).toMatch(/^<(h2|h3|h4|p|ul|ol|li|strong|em|a|blockquote|code|pre|hr|br)[\s>]/);
    expect(tag).not.toMatch(/\son[a-z]+\s*=/i);
    expect(tag).not.toMatch(/href\s*=\s*["']?\s*(javascript|vbscript|data|file):/i);
  }
}

describe('renderMarkdown', () => {
  it('renders the Markdown the content uses', () => {
    const html = renderMarkdown(
      '## Why it matters\n\nYou *listen* and **learn**.\n\n1. First\n2. Second\n\n- a\n- b\n\n> quoted',
    );
    expect(html).toContain('<h2>Why it matters</h2>');
    expect(html).toContain('<em>listen</em>');
    expect(html).toContain('<strong>learn</strong>');
    expect(html).toContain('<ol>');
    expect(html).toContain('<ul>');
    expect(html).toContain('<blockquote>');
  });

  it('shows a <script> as text, never as an element', () => {
    const html = renderMarkdown('Hello <script>alert(1)</script> there');
    expectInert(html);
    expect(html).toContain('&lt;script&gt;');
  });

  it('neutralises <img onerror> inline and as a block', () => {
    for (const source of ['x <img src=x onerror=alert(1)> y', '<img src="x" onerror="alert(1)">\n\ntext']) {
      const html = renderMarkdown(source);
      expectInert(html);
    }
  });

  it('drops javascript:, vbscript: and data: links, however they are written', () => {
    for (const href of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'jav&#x61;script:alert(1)',
      ' javascript:alert(1)',
      'vbscript:msgbox(1)',
      'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    ]) {
      const html = renderMarkdown(`[click](${href}) and <${href}>`);
      expectInert(html);
    }
  });

  it('escapes raw HTML blocks and drops images', () => {
    const html = renderMarkdown(
      '<div onclick="steal()">\n<iframe src="https://evil.example"></iframe>\n</div>\n\n![x](https://evil.example/p.png)',
    );
    expectInert(html);
    expect(html).not.toContain('<div');
    expect(html).toContain('&lt;div');
  });

  it('keeps safe links, marked so the other site is not told where the reader came from', () => {
    const html = renderMarkdown('[guide](https://example.org/guide)');
    expect(html).toBe(
      '<p><a href="https://example.org/guide" rel="noopener noreferrer nofollow">guide</a></p>\n',
    );
  });

  it('turns a level-1 heading into h2: the page title is the only h1', () => {
    expect(renderMarkdown('# Big')).toBe('<h2>Big</h2>\n');
  });
});

describe('inspectMarkdown', () => {
  it('counts words and finds raw HTML, images, links and level-1 headings', () => {
    const facts = inspectMarkdown(
      '# Title\n\nOne two three — four.\n\n<div>x</div>\n\nSee <b>this</b> ![i](p.png) [l](https://x.example)',
    );
    expect(facts.topHeadings).toBe(1);
    expect(facts.html).toEqual(['<div>x</div>', '<b>', '</b>']);
    expect(facts.images).toBe(1);
    expect(facts.links).toEqual(['https://x.example']);
    // "Title", "One two three four", "See", "this", the image's alt "i", "l" (a dash is no word).
    expect(facts.words).toBe(9);
  });
});
