import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { AddressObject, simpleParser } from 'mailparser';
import { freePort } from './free-ports';

const ROOT = resolve(__dirname, '..', '..', '..', '..');

/** Servers still running; killed if the test process exits without stopping them (e.g. a timeout). */
const running = new Set<ChildProcess>();
process.once('exit', () => running.forEach((child) => child.kill('SIGKILL')));

/** One message as the SMTP server received it, with the headers and text parts decoded. */
export interface ReceivedMail {
  envelope: { mailFrom: string | null; rcptTo: string[] };
  /** The raw message (RFC 5322) as sent over SMTP. */
  data: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface SmtpSink {
  port: number;
  /** `smtp://127.0.0.1:<port>` — the same after `stop()` and `start()`. */
  url: string;
  /**
   * Every message received so far, across restarts. A message is read from the server's output a moment
   * after the sender saw it accepted: wait for it (e.g. poll) rather than read this right after a send.
   */
  received: ReceivedMail[];
  /** Stops the server process (connections are then refused). */
  stop(): Promise<void>;
  /** Starts it again on the same port. */
  start(): Promise<void>;
}

/**
 * Runs a real SMTP server (`test/support/smtp-sink.ts`, nodemailer's smtp-server) as a child process on
 * a free port and collects what it receives.
 */
export async function startSmtpSink(): Promise<SmtpSink> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const sink: SmtpSink = {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received: [],
    async start() {
      if (child) return;
      const server = spawn(process.execPath, ['-r', '@swc-node/register', 'test/support/smtp-sink.ts', String(port)], {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      child = server;
      running.add(server);
      server.once('exit', () => running.delete(server));
      await new Promise<void>((ready, failed) => {
        server.once('exit', (code) => failed(new Error(`smtp-sink exited with ${code} before listening`)));
        // Messages are decoded one after another, so `received` keeps the order they arrived in.
        let decoded = Promise.resolve();
        createInterface({ input: server.stdout }).on('line', (line) => {
          const parsed = JSON.parse(line) as { listening?: number; envelope?: ReceivedMail['envelope']; data?: string };
          if (parsed.listening !== undefined) ready();
          else if (parsed.envelope && parsed.data !== undefined) {
            const { envelope, data } = parsed;
            decoded = decoded.then(async () => void sink.received.push(await decodeMail(envelope, data)));
          }
        });
      });
    },
    async stop() {
      const server = child;
      if (!server) return;
      child = undefined;
      if (server.exitCode !== null) return;
      await new Promise((exited) => {
        server.once('exit', exited);
        server.kill('SIGTERM');
      });
    },
  };
  await sink.start();
  return sink;
}

/** The message decoded by mailparser (nodemailer's parser): headers, and the text and HTML parts. */
async function decodeMail(envelope: ReceivedMail['envelope'], data: string): Promise<ReceivedMail> {
  const parsed = await simpleParser(data);
  const addresses = (field: AddressObject | AddressObject[] | undefined) =>
    [field ?? []]
      .flat()
      .flatMap((list) => list.value)
      .map(({ name, address }) => (name ? `${name} <${address}>` : (address ?? '')))
      .join(', ');
  return {
    envelope,
    data,
    from: addresses(parsed.from),
    to: addresses(parsed.to),
    subject: parsed.subject ?? '',
    text: parsed.text ?? '',
    html: parsed.html || '',
  };
}

/** The first message (in arrival order) that `matches`, once it has arrived; fails after `timeoutMs`. */
export async function waitForMail(sink: SmtpSink, matches: (mail: ReceivedMail) => boolean, timeoutMs = 20_000): Promise<ReceivedMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = sink.received.find(matches);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no matching e-mail within ${timeoutMs} ms (${sink.received.length} received)`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
