import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export type JournalEntry<D> =
  | { op: 'upsert'; documents: readonly D[] }
  | { op: 'delete'; ids: readonly string[] }
  | { op: 'synonyms'; groups: string[][] }
  | { op: 'checkpoint'; value: string };

export interface StoredIndex<D> {
  documents: Map<string, D>;
  synonyms: string[][];
  checkpoint: string | null;
}

interface SnapshotHeader {
  format: 1;
  documents: number;
  synonyms: string[][];
  checkpoint: string | null;
}

const SNAPSHOT = 'snapshot.ndjson';
const JOURNAL = 'journal.ndjson';
const WRITE_CHUNK = 1000;

/**
 * Durable state of one embedded index in its own directory: a snapshot (one header line, then one
 * document per line; written to a temporary file, fsynced and renamed, so it is always whole) and a
 * journal of the changes since (one fsynced JSON line per write). Loading replays the journal over
 * the snapshot; a torn last journal line (crash mid-write) is ignored — its write never returned.
 */
export class IndexStore<D extends { id: string }> {
  private journalSize = 0;
  private snapshotSize = 0;

  constructor(readonly dir: string) {}

  get journalBytes(): number {
    return this.journalSize;
  }

  get snapshotBytes(): number {
    return this.snapshotSize;
  }

  async load(): Promise<StoredIndex<D>> {
    await mkdir(this.dir, { recursive: true });
    await rm(join(this.dir, `${SNAPSHOT}.tmp`), { force: true });
    const state: StoredIndex<D> = { documents: new Map(), synonyms: [], checkpoint: null };
    const snapshotPath = join(this.dir, SNAPSHOT);
    if (await exists(snapshotPath)) {
      this.snapshotSize = (await stat(snapshotPath)).size;
      let header: SnapshotHeader | undefined;
      for await (const line of readLines(snapshotPath)) {
        if (header === undefined) {
          header = JSON.parse(line) as SnapshotHeader;
          if (header.format !== 1) throw new Error(`${snapshotPath}: unknown snapshot format ${String(header.format)}`);
          state.synonyms = header.synonyms;
          state.checkpoint = header.checkpoint;
          continue;
        }
        const doc = JSON.parse(line) as D;
        state.documents.set(doc.id, doc);
      }
      if (header === undefined || state.documents.size !== header.documents) {
        throw new Error(`${snapshotPath} is damaged (expected ${header?.documents ?? '?'} documents, read ${state.documents.size}); delete the directory to rebuild the index from the source`);
      }
    }
    const journalPath = join(this.dir, JOURNAL);
    if (await exists(journalPath)) {
      this.journalSize = (await stat(journalPath)).size;
      let pending: string | undefined;
      for await (const line of readLines(journalPath)) {
        if (pending !== undefined) apply(state, JSON.parse(pending) as JournalEntry<D>);
        pending = line;
      }
      if (pending !== undefined) {
        try {
          apply(state, JSON.parse(pending) as JournalEntry<D>);
        } catch {
          // The last line was being written when the process stopped: that write never completed.
        }
      }
    }
    return state;
  }

  async append(entry: JournalEntry<D>): Promise<void> {
    const line = `${JSON.stringify(entry)}\n`;
    const handle = await open(join(this.dir, JOURNAL), 'a');
    try {
      await handle.write(line);
      await handle.datasync();
    } finally {
      await handle.close();
    }
    this.journalSize += Buffer.byteLength(line);
  }

  /** Replaces snapshot and journal by a snapshot of `documents` (atomic: a crash leaves the old pair). */
  async writeSnapshot(documents: Iterable<D>, count: number, synonyms: string[][], checkpoint: string | null): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const finalPath = join(this.dir, SNAPSHOT);
    const tmpPath = `${finalPath}.tmp`;
    const handle = await open(tmpPath, 'w');
    let size = 0;
    try {
      const header: SnapshotHeader = { format: 1, documents: count, synonyms, checkpoint };
      let chunk = `${JSON.stringify(header)}\n`;
      let inChunk = 0;
      let written = 0;
      for (const doc of documents) {
        chunk += `${JSON.stringify(doc)}\n`;
        written += 1;
        if (++inChunk === WRITE_CHUNK) {
          size += (await handle.write(chunk)).bytesWritten;
          chunk = '';
          inChunk = 0;
        }
      }
      if (written !== count) throw new Error(`Snapshot of ${this.dir}: expected ${count} documents, got ${written}`);
      size += (await handle.write(chunk)).bytesWritten;
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmpPath, finalPath);
    await syncDirectory(this.dir);
    await rm(join(this.dir, JOURNAL), { force: true });
    await syncDirectory(this.dir);
    this.snapshotSize = size;
    this.journalSize = 0;
  }
}

function apply<D extends { id: string }>(state: StoredIndex<D>, entry: JournalEntry<D>): void {
  switch (entry.op) {
    case 'upsert':
      for (const doc of entry.documents) state.documents.set(doc.id, doc);
      break;
    case 'delete':
      for (const id of entry.ids) state.documents.delete(id);
      break;
    case 'synonyms':
      state.synonyms = entry.groups;
      break;
    case 'checkpoint':
      state.checkpoint = entry.value;
      break;
    default:
      throw new Error(`Unknown journal entry ${JSON.stringify(entry)}`);
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

async function* readLines(path: string): AsyncGenerator<string> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) if (line !== '') yield line;
}

async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
