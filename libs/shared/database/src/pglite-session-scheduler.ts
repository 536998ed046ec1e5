import type { PGlite } from '@electric-sql/pglite';

interface PendingMessage {
  connectionId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: Error) => void;
}

/** Frontend messages after which the backend is ready for another query: Sync, a simple Query, the startup message. */
function endsExchange(message: Uint8Array): boolean {
  const type = message[0];
  return type === 0x53 /* S */ || type === 0x51 /* Q */ || type === 0 /* startup: no type byte, length first */;
}

const SYNC = new Uint8Array([0x53, 0, 0, 0, 4]);

function simpleQuery(sql: string): Uint8Array {
  const text = Buffer.from(`${sql}\0`, 'utf8');
  const message = Buffer.alloc(5 + text.length);
  message.write('Q', 0, 'ascii');
  message.writeInt32BE(4 + text.length, 1);
  text.copy(message, 5);
  return message;
}

/**
 * Decides which connection's message PGlite runs next. PGlite has a single session, shared by every
 * connection of the socket server, so a connection keeps the session from its first message until the
 * backend is ready for query again outside a transaction: an extended-protocol exchange (Parse … Sync)
 * and a transaction (BEGIN … COMMIT) of one connection never have another connection's messages in them.
 * pglite-socket's own queue hands the session over between any two messages outside a transaction
 * (electric-sql/pglite#1046), so one connection's Bind could meet another's Parse; this replaces it
 * through the handler's `queryQueue` option.
 */
export class PgliteSessionScheduler {
  private readonly pending: PendingMessage[] = [];
  private owner: number | null = null;
  private running = false;
  private closed = false;

  constructor(private readonly db: PGlite) {}

  /** Called by each connection's handler for every complete frontend message, in the order they arrived. */
  enqueue(connectionId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.pending.push({ connectionId, message, onData, resolve, reject });
      void this.run();
    });
  }

  /** The database is about to close: connections that go away from now on leave it alone. */
  close(): void {
    this.closed = true;
  }

  getQueueLength(): number {
    return this.pending.length;
  }

  /** The connection went away: its unsent messages fail. */
  clearQueueForHandler(connectionId: number): void {
    for (let i = this.pending.length - 1; i >= 0; i--) {
      if (this.pending[i].connectionId !== connectionId) continue;
      this.pending.splice(i, 1)[0].reject(new Error('connection closed'));
    }
  }

  /** The connection went away holding the session: end its exchange, roll back its transaction, hand the session on. */
  async clearTransactionIfNeeded(connectionId: number): Promise<void> {
    if (this.owner !== connectionId || this.closed) return;
    await this.db.runExclusive(async () => {
      // Raw messages: exec() would wait for the query lock that runExclusive holds.
      await this.db.execProtocolRaw(SYNC);
      if (this.db.isInTransaction()) await this.db.execProtocolRaw(simpleQuery('ROLLBACK'));
    });
    this.owner = null;
    void this.run();
  }

  private next(): PendingMessage | undefined {
    const index = this.owner === null ? 0 : this.pending.findIndex((item) => item.connectionId === this.owner);
    return index < 0 ? undefined : this.pending.splice(index, 1)[0];
  }

  private async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (let item = this.next(); item; item = this.next()) {
        this.owner = item.connectionId;
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
          item.resolve(bytes);
        } catch (error) {
          item.reject(error instanceof Error ? error : new Error(String(error)));
        }
        if (endsExchange(item.message) && !this.db.isInTransaction()) this.owner = null;
      }
    } finally {
      this.running = false;
    }
  }
}
