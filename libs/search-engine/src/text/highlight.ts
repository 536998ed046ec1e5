import { isLatinToken, normalizeText } from './analyzer';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]);

const LATIN_CHAR = /[a-z0-9]/;

/** Default snippet length in characters (a Chinese character is about a word). */
export const SNIPPET_CHARS = 100;

/**
 * A snippet of `text` around the first matches of `terms` (already normalized), HTML-escaped, with
 * each match wrapped in `preTag`/`postTag`; null when no term occurs. Latin terms match whole words
 * only; Chinese terms match anywhere (a word is a run of characters).
 */
export function highlightSnippet(
  text: string,
  terms: readonly string[],
  preTag: string,
  postTag: string,
  maxChars = SNIPPET_CHARS,
): string | null {
  if (!text || terms.length === 0) return null;
  const normalized = normalizeText(text);
  const covered = new Uint8Array(normalized.length);
  const matches: [number, number][] = [];
  for (const term of [...terms].sort((a, b) => b.length - a.length)) {
    if (!term) continue;
    const latin = isLatinToken(term);
    for (let at = normalized.indexOf(term); at >= 0; at = normalized.indexOf(term, at + 1)) {
      const end = at + term.length;
      if (latin && ((at > 0 && LATIN_CHAR.test(normalized[at - 1])) || (end < normalized.length && LATIN_CHAR.test(normalized[end])))) continue;
      let free = true;
      for (let i = at; i < end && free; i++) free = covered[i] === 0;
      if (!free) continue;
      covered.fill(1, at, end);
      matches.push([at, end]);
    }
  }
  if (matches.length === 0) return null;
  matches.sort((a, b) => a[0] - b[0]);
  let start = 0;
  let end = text.length;
  if (text.length > maxChars) {
    start = Math.max(0, Math.min(matches[0][0] - Math.floor(maxChars / 5), text.length - maxChars));
    end = start + maxChars;
  }
  let out = start > 0 ? '…' : '';
  let cursor = start;
  for (const [from, to] of matches) {
    if (from < cursor || to > end) continue;
    out += escapeHtml(text.slice(cursor, from)) + preTag + escapeHtml(text.slice(from, to)) + postTag;
    cursor = to;
  }
  out += escapeHtml(text.slice(cursor, end));
  if (end < text.length) out += '…';
  return out;
}
