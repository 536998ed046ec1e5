import { ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { crashesInARow, restartDelayMs } from './backoff';

export interface ProcessSpec {
  name: string;
  /** TypeScript entry point, run through @swc-node/register. */
  entry: string;
  env: NodeJS.ProcessEnv;
  /** Resolves once the process serves requests. */
  ready: () => Promise<boolean>;
}

/** One supervised service: its current process (none while it waits to be restarted) and its crash record. */
interface Supervised {
  readonly spec: ProcessSpec;
  child: ChildProcess | undefined;
  startedAt: number;
  /** Crashes since the service last stayed up long enough (see backoff.ts). */
  crashes: number;
  /** Served once: from then on a crash is restarted instead of failing the start. */
  started: boolean;
  restartTimer: NodeJS.Timeout | undefined;
}

const READY_POLL_MS = 300;

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function pipeWithPrefix(stream: NodeJS.ReadableStream | null, prefix: string, out: NodeJS.WriteStream): void {
  if (!stream) return;
  createInterface({ input: stream }).on('line', (line) => out.write(`${prefix} ${line}\n`));
}

/**
 * Runs each service in its own process and stops them all together. A service that dies after it has
 * served is restarted with exponential back-off, for as long as the supervisor runs: one crashing
 * service never takes the others (or the gateway) down with it.
 */
export class Supervisor {
  private readonly services = new Map<string, Supervised>();
  private stopping = false;

  /** Starts the process and waits until it serves; one that dies or does not answer in time fails the start. */
  async start(spec: ProcessSpec, timeoutMs: number): Promise<void> {
    const service: Supervised = { spec, child: undefined, startedAt: 0, crashes: 0, started: false, restartTimer: undefined };
    this.services.set(spec.name, service);
    this.spawn(service);
    const deadline = Date.now() + timeoutMs;
    while (!(await spec.ready().catch(() => false))) {
      if (Date.now() > deadline) throw new Error(`${spec.name} did not become ready within ${timeoutMs / 1000} s`);
      if (!service.child) throw new Error(`${spec.name} exited during start-up`);
      await sleep(READY_POLL_MS);
    }
    service.started = true;
  }

  private spawn(service: Supervised): ChildProcess {
    const { spec } = service;
    const child = spawn(process.execPath, ['-r', '@swc-node/register', spec.entry], {
      env: spec.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const prefix = `[${spec.name}]`;
    console.log(`[launcher] started ${spec.name} (pid ${child.pid})`);
    pipeWithPrefix(child.stdout, prefix, process.stdout);
    pipeWithPrefix(child.stderr, prefix, process.stderr);
    service.child = child;
    service.startedAt = Date.now();
    let ended = false;
    const onEnd = (how: string) => {
      if (ended) return;
      ended = true;
      if (service.child === child) service.child = undefined;
      if (this.stopping) return;
      if (!service.started) {
        // `start` reports it and the launcher stops: a service that cannot start at all is a setup problem.
        console.error(`[launcher] ${spec.name} exited during start-up (${how})`);
        return;
      }
      this.restartLater(service, how);
    };
    child.once('exit', (code, signal) => onEnd(signal ?? `code ${code}`));
    // Emitted without 'exit' when the process could not be spawned at all (e.g. out of process slots).
    child.on('error', (error) => child.pid === undefined && onEnd(`could not spawn: ${error.message}`));
    return child;
  }

  private restartLater(service: Supervised, how: string): void {
    const uptimeMs = Date.now() - service.startedAt;
    service.crashes = crashesInARow(service.crashes, uptimeMs);
    const delayMs = restartDelayMs(service.crashes);
    const { name } = service.spec;
    console.error(
      `[launcher] ${name} exited (${how}) after ${seconds(uptimeMs)} up; crash ${service.crashes} in a row, restarting it in ${seconds(delayMs)}`,
    );
    service.restartTimer = setTimeout(() => {
      service.restartTimer = undefined;
      if (this.stopping) return;
      void this.announceWhenServing(service, this.spawn(service));
    }, delayMs);
  }

  /** Says when a restarted process serves again (nothing if it dies first: its crash is logged instead). */
  private async announceWhenServing(service: Supervised, child: ChildProcess): Promise<void> {
    while (!this.stopping && service.child === child) {
      if (await service.spec.ready().catch(() => false)) {
        if (service.child === child) console.log(`[launcher] ${service.spec.name} is serving again (pid ${child.pid})`);
        return;
      }
      await sleep(READY_POLL_MS);
    }
  }

  async stopAll(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    const running: ChildProcess[] = [];
    for (const service of this.services.values()) {
      clearTimeout(service.restartTimer);
      if (service.child) running.push(service.child);
    }
    const exits = running.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
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
