// Serves the built web app from memory: hashed assets with year-long immutable caching and the
// brotli/gzip variants written at build time; every other GET gets index.html so deep links work
// (rate.html for /rate/*, the rater form's separate bundle).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import type { Context } from 'hono';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

interface Asset {
  type: string;
  body: Buffer;
  br?: Buffer;
  gzip?: Buffer;
  immutable: boolean;
}

export class StaticSite {
  readonly #assets = new Map<string, Asset>();

  constructor(root: string) {
    if (!existsSync(join(root, 'index.html'))) throw new Error(`no web build in ${root}`);
    for (const file of walk(root)) {
      if (file.endsWith('.br') || file.endsWith('.gz')) continue;
      const path = `/${relative(root, file).split('\\').join('/')}`;
      const asset: Asset = {
        type: TYPES[extname(file)] ?? 'application/octet-stream',
        body: readFileSync(file),
        immutable: path.startsWith('/assets/'),
      };
      if (existsSync(`${file}.br`)) asset.br = readFileSync(`${file}.br`);
      if (existsSync(`${file}.gz`)) asset.gzip = readFileSync(`${file}.gz`);
      this.#assets.set(path, asset);
    }
  }

  serve(c: Context): Response {
    const found = this.#assets.get(c.req.path);
    // Unknown asset paths are real 404s; anything else is a client-side route.
    if (!found && c.req.path.startsWith('/assets/')) return c.text('not found', 404);
    // Rater links get the small rater-form page (its own bundle); every other route gets the app.
    const fallback =
      (c.req.path.startsWith('/rate/') && this.#assets.get('/rate.html')) || this.#assets.get('/index.html')!;
    const asset = found ?? fallback;
    const accept = c.req.header('accept-encoding') ?? '';
    const headers: Record<string, string> = {
      'Content-Type': asset.type,
      'Cache-Control': asset.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      Vary: 'Accept-Encoding',
    };
    let body = asset.body;
    if (asset.br && /\bbr\b/.test(accept)) {
      body = asset.br;
      headers['Content-Encoding'] = 'br';
    } else if (asset.gzip && /\bgzip\b/.test(accept)) {
      body = asset.gzip;
      headers['Content-Encoding'] = 'gzip';
    }
    return c.body(new Uint8Array(body), 200, headers);
  }
}

function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}
