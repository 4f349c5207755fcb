// One built-in module file (content/README.md): YAML front matter between `---` lines, then the
// Markdown body. Pure: the caller reads the file. Every problem is reported with the file's path,
// so a bad file fails the server start and every test at once, naming what to fix.
import { parseDocument } from 'yaml';
import { DEFAULT_CAREER_STAGES } from '../../identity/organisations/schema.ts';
import { BUILT_IN_WORDS, SLUG_PATTERN } from './constants.ts';
import { type ModuleContent, moduleContent } from './contracts.ts';
import { inspectMarkdown } from './markdown.ts';

export interface BuiltInModule {
  /** `<capability>/<slug>`, the file's path without `.md`. */
  key: string;
  capabilityKey: string;
  content: ModuleContent;
}

const STAGE_KEYS = DEFAULT_CAREER_STAGES.map((s) => s.key) as string[];

// The file's fields are the editor's, less the body (which follows the front matter), with the
// career stages every organisation starts with.
const frontMatter = moduleContent.omit({ body: true }).extend({
  stages: moduleContent.shape.stages.refine(
    (list) => list.every((s) => STAGE_KEYS.includes(s)),
    `must be among: ${STAGE_KEYS.join(', ')}`,
  ),
});

const FENCED = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n([\s\S]*))?$/;

export class ContentFileError extends Error {
  constructor(
    readonly path: string,
    readonly problems: string[],
  ) {
    super(`library content ${path}: ${problems.join('; ')}`);
  }
}

/** Parses and checks one file; `path` is relative to the content folder, e.g. `a-capability/slug.md`. */
export function parseContentFile(path: string, source: string): BuiltInModule {
  const fail = (...problems: string[]): never => {
    throw new ContentFileError(path, problems);
  };
  const parts = path.split('/');
  const [capabilityKey, file] = parts;
  if (parts.length !== 2 || !file?.endsWith('.md')) fail('must be at <capability>/<slug>.md');
  const slug = file!.slice(0, -'.md'.length);
  if (!SLUG_PATTERN.test(slug) || !SLUG_PATTERN.test(capabilityKey!)) {
    fail('folder and file names must be lower-case letters and digits joined by hyphens');
  }

  const fenced = FENCED.exec(source);
  if (!fenced) return fail('must start with front matter between two lines of ---');
  const document = parseDocument(fenced[1]!);
  if (document.errors.length) {
    // +1: the opening --- is line 1 of the file, the YAML starts on line 2.
    fail(...document.errors.map((e) => `front matter line ${(e.linePos?.[0].line ?? 0) + 1}: ${e.message}`));
  }
  const fields = frontMatter.safeParse(document.toJS());
  const body = (fenced[2] ?? '').trim();
  const problems = fields.success
    ? []
    : fields.error.issues.flatMap((i) =>
        // An unknown field is named itself ("reflextion"), not by the object it is in.
        (i.code === 'unrecognized_keys' ? i.keys.map((k) => [...i.path, k]) : [i.path]).map(
          (path) => `${path.join('.') || '(front matter)'}: ${i.message}`,
        ),
      );
  problems.push(...bodyProblems(body));
  if (problems.length) fail(...problems);
  return {
    key: `${capabilityKey}/${slug}`,
    capabilityKey: capabilityKey!,
    content: { ...fields.data!, body },
  };
}

/** The README's rules for a built-in body: short, plain Markdown, nothing that leaves the page. */
function bodyProblems(body: string): string[] {
  const facts = inspectMarkdown(body);
  const problems: string[] = [];
  if (facts.words < BUILT_IN_WORDS.min || facts.words > BUILT_IN_WORDS.max) {
    problems.push(`body: must be ${BUILT_IN_WORDS.min}–${BUILT_IN_WORDS.max} words (has ${facts.words})`);
  }
  if (facts.html.length) problems.push(`body: must not contain HTML (found ${facts.html[0]})`);
  if (facts.images) problems.push('body: must not contain images');
  if (facts.links.length) problems.push(`body: must not contain links (found ${facts.links[0]})`);
  if (facts.topHeadings) problems.push('body: headings start at ## (the title is the page heading)');
  return problems;
}
