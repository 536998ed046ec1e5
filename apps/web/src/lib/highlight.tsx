import { Fragment, type ReactNode } from 'react';

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };
const unescape = (text: string) => text.replace(/&(?:amp|lt|gt|quot|#39|#x27);/g, (entity) => ENTITIES[entity] ?? entity);

/**
 * Renders a search snippet (HTML-escaped text with matches in <em>…</em>) as React nodes: only <em>
 * becomes markup, everything else stays text, so nothing from a listing can inject HTML.
 */
export function Highlighted({ snippet }: { snippet: string }): ReactNode {
  const parts = snippet.split(/(<em>[\s\S]*?<\/em>)/g);
  return (
    <>
      {parts.map((part, index) =>
        part.startsWith('<em>') && part.endsWith('</em>') ? (
          <em key={index}>{unescape(part.slice(4, -5))}</em>
        ) : (
          <Fragment key={index}>{unescape(part)}</Fragment>
        ),
      )}
    </>
  );
}
