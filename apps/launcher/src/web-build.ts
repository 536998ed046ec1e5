import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
export const WEB_DIST = join(ROOT, 'dist', 'apps', 'web');
/** Records which inputs the build in WEB_DIST was made from. */
const STAMP_FILE = join(WEB_DIST, 'build-inputs.sha256');
/** Generated from the schema on every build, so not an input of its own. */
const GENERATED_DIR = join(ROOT, 'apps', 'web', 'src', 'gql');
const INPUTS = [join(ROOT, 'apps', 'web'), join(ROOT, 'apps', 'gateway', 'schema.graphql'), join(ROOT, 'package-lock.json')];

function filesUnder(path: string): string[] {
  if (path === GENERATED_DIR || path.endsWith('node_modules')) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => filesUnder(join(path, name)));
}

/** A digest of everything the web app's build depends on (sources, configs, API schema, lockfile). */
export function webInputsDigest(): string {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap(filesUnder)) {
    hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/** Why the build in WEB_DIST cannot be served as it is, or undefined when it is current. */
export function webBuildStaleness(): string | undefined {
  if (!existsSync(join(WEB_DIST, 'index.html'))) return 'no build yet';
  if (!existsSync(STAMP_FILE) || readFileSync(STAMP_FILE, 'utf8').trim() !== webInputsDigest()) return 'apps/web changed since the last build';
  return undefined;
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolveRun, reject) => {
    // A production bundle even when the marketplace itself runs with NODE_ENV=development.
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolveRun() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
  });
}

/**
 * Builds the web app (codegen from the API schema, then Vite) when it is missing or stale, so a fresh
 * clone serves it after `npm ci && npm start`. `force` rebuilds regardless. Returns whether it built.
 */
export async function ensureWebBuild(log: (line: string) => void, force = false): Promise<boolean> {
  const digest = webInputsDigest();
  const reason = force ? 'requested' : webBuildStaleness();
  if (!reason) return false;
  log(`building the web app (${reason})`);
  await run('npm', ['run', '--silent', 'web:compile']);
  writeFileSync(STAMP_FILE, `${digest}\n`);
  return true;
}
