/**
 * Where a word segmenter puts word boundaries in a text, asked for one offset at a time and segmenting
 * only the clauses asked about.
 *
 * jieba cuts a text into blocks at every character outside its "han" class (CJK and [a-zA-Z0-9+#&._%-])
 * and segments each block alone, so cutting the text first at clause punctuation and spaces (all outside
 * that class) gives the same words. Annotation asks only where a label could start or end inside a clause —
 * in a typical abstract a sixth of its characters — which makes annotation about twice as fast as
 * segmenting the whole text (indexing annotates every listing).
 */
export class WordBoundaries {
  /** Per clause (by its start offset): its boundaries, or null when the segmenter changed its text (no constraint). */
  private readonly clauses = new Map<number, Set<number> | null>();

  constructor(
    private readonly text: string,
    private readonly segment: (text: string) => string[],
  ) {}

  has(offset: number): boolean {
    const text = this.text;
    if (offset <= 0 || offset >= text.length) return true;
    if (isClauseBreak(text.charCodeAt(offset - 1)) || isClauseBreak(text.charCodeAt(offset))) return true;
    let start = offset - 1;
    while (start > 0 && !isClauseBreak(text.charCodeAt(start - 1))) start--;
    let boundaries = this.clauses.get(start);
    if (boundaries === undefined) {
      boundaries = this.segmentClause(start);
      this.clauses.set(start, boundaries);
    }
    return boundaries === null || boundaries.has(offset);
  }

  private segmentClause(start: number): Set<number> | null {
    let end = start;
    while (end < this.text.length && !isClauseBreak(this.text.charCodeAt(end))) end++;
    const boundaries = new Set<number>();
    let offset = start;
    for (const token of this.segment(this.text.slice(start, end))) {
      offset += token.length;
      boundaries.add(offset);
    }
    // A segmenter that changed the text: no boundaries to trust in this clause.
    return offset === end ? boundaries : null;
  }
}

/** Spaces and Chinese and ASCII clause punctuation: never inside one of jieba's blocks. */
const CLAUSE_BREAKS = new Set([...' \t\r\n\f\v\u3000，。；：！？、,;:!?（）()“”"\'《》【】[]{}'].map((char) => char.charCodeAt(0)));

function isClauseBreak(code: number): boolean {
  return CLAUSE_BREAKS.has(code);
}
