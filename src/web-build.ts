// Keeps dist/web in step with the web sources, so `npm start` on a fresh clone (or after a pull)
// serves the current app without a separate build step, and a restart with nothing changed costs
// only a few stat calls.
import { type Dirent, existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const OUT_DIR = join(ROOT, 'dist', 'web');
const STAMP = join(OUT_DIR, '.build-stamp');
const LOCK = join(ROOT, 'dist', '.web-build.lock');
/** A lock older than this is abandoned even if its pid is alive again (pid reuse). */
const STALE_LOCK_MS = 5 * 60_000;

type Log = (msg: string) => void;

async function mtime(path: string): Promise<number | null> {
  try {
    return (await stat(path)).mtimeMs;
  } catch {
    return null;
  }
}

/** The first file under `dir` that `include` accepts and that is newer than `since`, or null. */
async function newerThan(
  dir: string,
  since: number,
  include: (path: string) => boolean,
): Promise<string | null> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return null;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const found = await newerThan(path, since, include);
      if (found) return found;
    } else if (include(path) && ((await mtime(path)) ?? 0) > since) {
      return path;
    }
  }
  return null;
}

/** Why the build must run, or null when dist/web is current. */
async function staleReason(): Promise<string | null> {
  if (!existsSync(join(OUT_DIR, 'index.html'))) return 'no web build yet';
  const stamp = await mtime(STAMP);
  if (stamp === null) return 'no build stamp';
  // Without sources (e.g. an image that ships only dist/) the existing build is all there is.
  if (!existsSync(join(ROOT, 'web'))) return null;
  // A dependency upgrade (react, vite) changes the bundle as much as a source edit does.
  for (const file of ['vite.config.ts', 'package-lock.json']) {
    if (((await mtime(join(ROOT, file))) ?? 0) > stamp) return `${file} changed`;
  }
  const changed =
    (await newerThan(join(ROOT, 'web'), stamp, () => true)) ??
    (await newerThan(join(ROOT, 'src'), stamp, (p) => p.endsWith('contracts.ts')));
  return changed ? `${relative(ROOT, changed)} changed` : null;
}

/** Whether the process that wrote a lock is still running (same machine: the lock lives in dist/). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Another process (a parallel test worker, a second server) may be building at the same moment;
 * an exclusively created lock file makes it wait and then reuse that build. A lock left by a
 * process that died is taken over at once rather than waited out.
 */
async function withLock<T>(log: Log, work: () => Promise<T>): Promise<T> {
  await mkdir(dirname(LOCK), { recursive: true });
  let announced = false;
  for (;;) {
    try {
      await writeFile(LOCK, String(process.pid), { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(await readFile(LOCK, 'utf8').catch(() => ''), 10);
      const age = Date.now() - ((await mtime(LOCK)) ?? Date.now());
      if ((owner && !alive(owner)) || age > STALE_LOCK_MS) {
        await rm(LOCK, { force: true });
        continue;
      }
      if (!announced) log('waiting for another process to finish building the web app');
      announced = true;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    return await work();
  } finally {
    await rm(LOCK, { force: true });
  }
}

let inProcess: Promise<string> | null = null;

/**
 * Returns the absolute path of dist/web, building it first with Vite when it is missing or older
 * than its sources (anything under web/, the shared src/**\/contracts.ts, vite.config.ts).
 */
export async function ensureWebBuild(log: Log = () => {}): Promise<string> {
  // Several servers in one process (tests) share one check and at most one build.
  inProcess ??= check(log).finally(() => {
    inProcess = null;
  });
  return inProcess;
}

async function check(log: Log): Promise<string> {
  if (!(await staleReason())) return OUT_DIR;
  return withLock(log, async () => {
    // Someone else may have built it while this process waited for the lock.
    const reason = await staleReason();
    if (!reason) return OUT_DIR;
    log(`building the web app (${reason})`);
    const started = Date.now();
    let vite: typeof import('vite');
    try {
      vite = await import('vite');
    } catch (error) {
      if (existsSync(join(OUT_DIR, 'index.html'))) {
        log('vite is not installed (production install?): serving the existing web build');
        return OUT_DIR;
      }
      throw new Error(
        'the web app is not built and vite is not installed: run `npm install` (with dev dependencies)',
        {
          cause: error,
        },
      );
    }
    // Always a production bundle. Vite takes NODE_ENV from the environment when it is set, so a
    // server started by the test runner (NODE_ENV=test) would build React's development bundle and
    // development JSX: twice the bytes, and the rater form over its 150 KB budget (issue 4).
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await vite.build({
        configFile: join(ROOT, 'vite.config.ts'),
        mode: 'production',
        logLevel: 'warn',
        clearScreen: false,
      });
    } finally {
      if (nodeEnv === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = nodeEnv;
    }
    // Dated to the build's start: a source edited during the build is newer, so the next start rebuilds.
    await writeFile(STAMP, `${new Date(started).toISOString()}\n`);
    await utimes(STAMP, new Date(started), new Date(started));
    log(`built the web app in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return OUT_DIR;
  });
}
