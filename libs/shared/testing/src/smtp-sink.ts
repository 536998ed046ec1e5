import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
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
        createInterface({ input: server.stdout }).on('line', (line) => {
          const parsed = JSON.parse(line) as { listening?: number; envelope?: ReceivedMail['envelope']; data?: string };
          if (parsed.listening !== undefined) ready();
          else if (parsed.envelope && parsed.data !== undefined) sink.received.push(decodeMail(parsed.envelope, parsed.data));
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

function splitHeaders(raw: string): { headers: Map<string, string>; body: string } {
  const end = raw.indexOf('\r\n\r\n');
  const head = end < 0 ? raw : raw.slice(0, end);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: end < 0 ? '' : raw.slice(end + 4) };
}

/** RFC 2047 encoded words (`=?UTF-8?B?…?=`, `=?UTF-8?Q?…?=`); whitespace between two of them is dropped. */
export function decodeHeader(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(/=\?([^?]+)\?([BQbq])\?([^?]*)\?=/g, (_, _charset: string, encoding: string, text: string) =>
      encoding.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : decodeQuotedPrintable(text.replace(/_/g, ' ')),
    );
}

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  const unfolded = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < unfolded.length; i++) {
    if (unfolded[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(unfolded.slice(i + 1, i + 3))) {
      bytes.push(parseInt(unfolded.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(unfolded[i], 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function decodeBody(headers: Map<string, string>, body: string): string {
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  return body;
}

/** The text/plain and text/html parts of a (possibly multipart/alternative) message. */
function textParts(headers: Map<string, string>, body: string): { text: string; html: string } {
  const type = headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (!/^multipart\//i.test(type) || !boundary) {
    const decoded = decodeBody(headers, body);
    return /^text\/html/i.test(type) ? { text: '', html: decoded } : { text: decoded, html: '' };
  }
  const parts = body.split(`--${boundary}`).slice(1, -1);
  const found = { text: '', html: '' };
  for (const part of parts) {
    const inner = splitHeaders(part.replace(/^\r\n/, ''));
    const { text, html } = textParts(inner.headers, inner.body.replace(/\r\n$/, ''));
    found.text ||= text;
    found.html ||= html;
  }
  return found;
}

function decodeMail(envelope: ReceivedMail['envelope'], data: string): ReceivedMail {
  const { headers, body } = splitHeaders(data);
  return {
    envelope,
    data,
    from: decodeHeader(headers.get('from') ?? ''),
    to: decodeHeader(headers.get('to') ?? ''),
    subject: decodeHeader(headers.get('subject') ?? ''),
    ...textParts(headers, body),
  };
}
