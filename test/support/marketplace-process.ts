import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freeMarketplacePortsEnv, freePort } from '@ttm/testing';

export const ROOT = resolve(__dirname, '..', '..');
export const TEST_ADMIN = { email: 'admin@e2e.test', password: 'Admin-e2e-2026' };

/** Launchers still running; killed if the test process exits without stopping them (e.g. a timeout). */
const running = new Set<ChildProcess>();
process.once('exit', () => running.forEach((child) => child.pid && process.kill(-child.pid, 'SIGKILL')));

export interface RunningMarketplace {
  url: string;
  dataDir: string;
  /** The environment the launcher ran with (ports, DATA_DIR …), for tools run against it. */
  env: NodeJS.ProcessEnv;
  output: () => string;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Real PostgreSQL; omit for the embedded PGlite default. */
  databaseUrl?: string;
  /** Reuse a data directory (restart tests); a fresh temporary one otherwise. */
  dataDir?: string;
  env?: Record<string, string>;
}

export { freePort };

/** Starts the marketplace exactly as `npm start` does, on free ports, and waits until it is ready. */
export async function startMarketplace(options: StartOptions = {}): Promise<RunningMarketplace> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'ttm-e2e-'));
  const ports = await freeMarketplacePortsEnv();
  const port = Number(ports['PORT']);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    ...ports,
    DATA_DIR: dataDir,
    ADMIN_EMAIL: TEST_ADMIN.email,
    ADMIN_PASSWORD: TEST_ADMIN.password,
    ...options.env,
  };
  delete env['DATABASE_URL'];
  if (options.databaseUrl) env['DATABASE_URL'] = options.databaseUrl;

  const child: ChildProcess = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/launcher/src/main.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so a test that dies can take the services down with the launcher.
    detached: true,
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let output = '';
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));
  const ready = new Promise<void>((resolveReady, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('[launcher] ready:')) resolveReady();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) => reject(new Error(`launcher exited with ${code} before it was ready:\n${output}`)));
  });
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error(`launcher not ready after 150 s:\n${output}`)), 150_000).unref(),
  );
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
  };
  try {
    await Promise.race([ready, timeout]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `http://127.0.0.1:${port}/graphql`, dataDir, env, output: () => output, stop };
}
