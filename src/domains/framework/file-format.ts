// Framework definitions as files: export to JSON or YAML, and read either back. Pure: no I/O.
// Files are read with the YAML parser for both formats (JSON is YAML 1.2), so every problem can be
// reported with the line it is on as well as its path.
import { type Document, isNode, parseDocument, stringify } from 'yaml';
import { type FileFormat, FRAMEWORK_FILE_MAX_BYTES } from './constants.ts';
import {
  type DefinitionIssue,
  definitionIssues,
  FRAMEWORK_FORMAT,
  type FrameworkDefinition,
  frameworkDefinition,
} from './definition.ts';

export interface FileIssue extends DefinitionIssue {
  /** 1-based line of the value (or of its parent, when the value is missing); null if unknown. */
  line: number | null;
}

export type FileResult = { ok: true; definition: FrameworkDefinition } | { ok: false; issues: FileIssue[] };

/** Serialises a definition with its format marker first, so a file says what it is. */
export function exportDefinition(definition: FrameworkDefinition, format: FileFormat): string {
  const { format: _marker, ...content } = definition;
  const document = { format: FRAMEWORK_FORMAT, ...content };
  if (format === 'json') return `${JSON.stringify(document, null, 2)}\n`;
  return stringify(document, { lineWidth: 0 });
}

/** Reads a JSON or YAML file into a definition, or every problem with its path, rule and line. */
export function readDefinitionFile(bytes: Uint8Array): FileResult {
  const fileProblem = (rule: string, line: number | null = null): FileResult => ({
    ok: false,
    issues: [{ path: '(file)', rule, line }],
  });
  if (bytes.byteLength === 0) return fileProblem('is empty');
  if (bytes.byteLength > FRAMEWORK_FILE_MAX_BYTES) return fileProblem('is larger than 1 MB');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fileProblem('is not UTF-8 text');
  }
  const document = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  if (document.errors.length > 0) {
    return {
      ok: false,
      issues: document.errors.map((e) => ({
        path: '(file)',
        rule: `is not valid JSON or YAML: ${e.message.split('\n')[0]}`,
        line: e.linePos?.[0]?.line ?? null,
      })),
    };
  }
  const result = frameworkDefinition.safeParse(document.toJS({ maxAliasCount: 100 }));
  if (result.success) return { ok: true, definition: result.data };
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const lineAt = (offset: number) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
  return {
    ok: false,
    issues: definitionIssues(result.error).map((issue) => ({
      ...issue,
      line: lineOfPath(document, issue.path, lineAt),
    })),
  };
}

/** The line of the deepest node that exists on the path `capabilities[3].items[1].self`. */
function lineOfPath(document: Document, path: string, lineAt: (offset: number) => number): number | null {
  const parts: (string | number)[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    parts.push(match[2] !== undefined ? Number(match[2]) : match[1]!);
  }
  for (let length = parts.length; length >= 0; length--) {
    const node = length === 0 ? document.contents : document.getIn(parts.slice(0, length), true);
    if (isNode(node) && node.range) return lineAt(node.range[0]);
  }
  return null;
}
