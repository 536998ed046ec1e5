/**
 * A real SMTP server for tests (nodemailer's `smtp-server`), run as a child process:
 * `node -r @swc-node/register test/support/smtp-sink.ts <port>`. It accepts every message without
 * authentication or TLS, prints `{"listening":<port>}` once ready and then one JSON line per message
 * received: `{"envelope":{"mailFrom":…,"rcptTo":[…]},"data":"<raw message>"}`. Stop it with SIGTERM.
 */
import { SMTPServer } from 'smtp-server';

const port = Number(process.argv[2] ?? '0');
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      const envelope = {
        mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
        rcptTo: session.envelope.rcptTo.map((recipient) => recipient.address),
      };
      process.stdout.write(`${JSON.stringify({ envelope, data: Buffer.concat(chunks).toString('utf8') })}\n`);
      callback();
    });
  },
});
server.on('error', (error) => {
  process.stderr.write(`smtp-sink: ${error.message}\n`);
  process.exit(1);
});
server.listen(port, '127.0.0.1', () => {
  const address = server.server.address();
  process.stdout.write(`${JSON.stringify({ listening: typeof address === 'object' && address ? address.port : port })}\n`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
