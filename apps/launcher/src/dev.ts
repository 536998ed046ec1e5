import { loadConfig } from '@ttm/config';
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * `npm run dev`: the marketplace (launcher, without the built web app) plus Vite's dev server with hot
 * reload at http://localhost:5173/, which proxies /graphql to the gateway. Ctrl+C stops both.
 */
const root = join(__dirname, '..', '..', '..');
const config = loadConfig();
// Typed documents for the app's .graphql files (re-run `npm run web:codegen` after editing one).
spawnSync('npm', ['run', '--silent', 'web:codegen'], { cwd: root, stdio: 'inherit' });
const children: ChildProcess[] = [
  spawn(process.execPath, ['-r', '@swc-node/register', 'apps/launcher/src/main.ts', '--no-web'], { cwd: root, stdio: 'inherit' }),
  spawn('npx', ['--no-install', 'vite', '--config', 'apps/web/vite.config.ts'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, PORT: String(config.port) },
  }),
];

function stopAll(): void {
  children.forEach((child) => child.exitCode === null && child.kill('SIGTERM'));
}
process.on('SIGINT', stopAll);
process.on('SIGTERM', stopAll);
children.forEach((child) =>
  child.once('exit', (code) => {
    stopAll();
    process.exitCode = code ?? 0;
  }),
);
