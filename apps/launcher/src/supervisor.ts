import { ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface ProcessSpec {
  name: string;
  /** TypeScript entry point, run through @swc-node/register. */
  entry: string;
  env: NodeJS.ProcessEnv;
  /** Resolves once the process serves requests. */
  ready: () => Promise<boolean>;
}

const RESTART_LIMIT = 5;
const RESTART_WINDOW_MS = 60_000;

function pipeWithPrefix(stream: NodeJS.ReadableStream | null, prefix: string, out: NodeJS.WriteStream): void {
  if (!stream) return;
  createInterface({ input: stream }).on('line', (line) => out.write(`${prefix} ${line}\n`));
}

/** Runs each service in its own process, restarts one that dies, and stops them all together. */
export class Supervisor {
  private readonly children = new Map<string, ChildProcess>();
  private readonly restarts = new Map<string, number[]>();
  private stopping = false;

  constructor(private readonly onGiveUp: (name: string) => void) {}

  async start(spec: ProcessSpec, timeoutMs: number): Promise<void> {
    this.spawn(spec);
    const deadline = Date.now() + timeoutMs;
    while (!(await spec.ready().catch(() => false))) {
      if (Date.now() > deadline) throw new Error(`${spec.name} did not become ready within ${timeoutMs / 1000} s`);
      if (!this.children.has(spec.name)) throw new Error(`${spec.name} exited during start-up`);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  }

  private spawn(spec: ProcessSpec): void {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', spec.entry], {
      env: spec.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const prefix = `[${spec.name}]`;
    console.log(`[launcher] started ${spec.name} (pid ${child.pid})`);
    pipeWithPrefix(child.stdout, prefix, process.stdout);
    pipeWithPrefix(child.stderr, prefix, process.stderr);
    this.children.set(spec.name, child);
    child.on('exit', (code, signal) => {
      this.children.delete(spec.name);
      if (this.stopping) return;
      console.error(`${prefix} exited (${signal ?? `code ${code}`})`);
      this.restartLater(spec);
    });
  }

  private restartLater(spec: ProcessSpec): void {
    const now = Date.now();
    const recent = (this.restarts.get(spec.name) ?? []).filter((time) => now - time < RESTART_WINDOW_MS);
    if (recent.length >= RESTART_LIMIT) {
      this.onGiveUp(spec.name);
      return;
    }
    this.restarts.set(spec.name, [...recent, now]);
    setTimeout(() => {
      if (!this.stopping) this.spawn(spec);
    }, 1000 * (recent.length + 1));
  }

  async stopAll(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    const exits = [...this.children.values()].map(
      (child) =>
        new Promise<void>((resolve) => {
          const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    );
    await Promise.all(exits);
  }
}
