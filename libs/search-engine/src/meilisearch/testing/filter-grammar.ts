/**
 * A parser for Meilisearch's documented filter grammar, used by the tests to check every filter
 * string the adapter builds:
 *
 *   filter     = or EOF
 *   or         = and ("OR" and)*
 *   and        = not ("AND" not)*
 *   not        = "NOT" not | primary                       (so NOT > AND > OR)
 *   primary    = "(" or ")" | attr "IN" "[" values "]" | attr "NOT" "IN" "[" values "]"
 *              | attr op value | attr value "TO" value | attr "EXISTS" | attr "NOT" "EXISTS"
 *   op         = "=" | "!=" | ">" | ">=" | "<" | "<="
 *   value      = word | '"' … '"' | "'" … "'"                (a backslash escapes the next character)
 *   word       = (alphanumeric | _ | - | .)+ that is not a keyword
 *
 * Quoted values are unescaped as Meilisearch does (`\"` → `"`, then `\\` → `\`); any other escape
 * sequence is refused, since Meilisearch would read it as a control character.
 */
export type FilterAst =
  | { type: 'or' | 'and'; children: FilterAst[] }
  | { type: 'not'; child: FilterAst }
  | { type: 'condition'; attribute: string; op: '=' | '!=' | '>' | '>=' | '<' | '<='; value: string }
  | { type: 'in'; attribute: string; values: string[] }
  | { type: 'to'; attribute: string; from: string; to: string }
  | { type: 'exists'; attribute: string };

const KEYWORDS = new Set(['AND', 'OR', 'IN', 'NOT', 'TO', 'EXISTS', 'IS', 'NULL', 'EMPTY', 'CONTAINS', 'STARTS', 'WITH']);

type Token = { kind: 'word' | 'quoted' | 'symbol'; text: string };

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const char = input[i];
    if (/\s/.test(char)) {
      i += 1;
    } else if (char === '"' || char === "'") {
      let j = i + 1;
      let raw = '';
      for (;;) {
        if (j >= input.length) throw new Error(`Unterminated quoted value at ${i}: ${input}`);
        const c = input[j];
        if (c === '\\') {
          if (j + 1 >= input.length) throw new Error(`Dangling backslash at ${j}`);
          raw += c + input[j + 1];
          j += 2;
          continue;
        }
        if (c === char) break;
        raw += c;
        j += 1;
      }
      tokens.push({ kind: 'quoted', text: unescape(raw, char) });
      i = j + 1;
    } else if ('()[],'.includes(char)) {
      tokens.push({ kind: 'symbol', text: char });
      i += 1;
    } else if (char === '!' || char === '>' || char === '<' || char === '=') {
      const two = input.slice(i, i + 2);
      const op = two === '!=' || two === '>=' || two === '<=' ? two : char;
      if (op === '!') throw new Error(`Unexpected ! at ${i}`);
      tokens.push({ kind: 'symbol', text: op });
      i += op.length;
    } else {
      const match = /^[\p{L}\p{N}_.-]+/u.exec(input.slice(i));
      if (!match) throw new Error(`Unexpected character ${JSON.stringify(char)} at ${i}: ${input}`);
      tokens.push({ kind: 'word', text: match[0] });
      i += match[0].length;
    }
  }
  return tokens;
}

function unescape(raw: string, quote: string): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = raw[i + 1];
    if (next === quote || next === '\\') out += next;
    else throw new Error(`Escape sequence \\${next} would be read as a control character by Meilisearch`);
    i += 1;
  }
  return out;
}

export function parseMeiliFilter(input: string): FilterAst {
  const tokens = tokenize(input);
  let position = 0;
  const peek = (offset = 0) => tokens[position + offset];
  const isKeyword = (token: Token | undefined, word: string) => token?.kind === 'word' && token.text === word;
  const expectSymbol = (text: string) => {
    const token = tokens[position++];
    if (token?.kind !== 'symbol' || token.text !== text) throw new Error(`Expected ${text} at token ${position - 1} in ${input}`);
  };
  const value = (): string => {
    const token = tokens[position++];
    if (!token || token.kind === 'symbol') throw new Error(`Expected a value at token ${position - 1} in ${input}`);
    if (token.kind === 'word' && KEYWORDS.has(token.text)) throw new Error(`Reserved keyword ${token.text} used as a value in ${input}`);
    return token.text;
  };
  const values = (): string[] => {
    expectSymbol('[');
    const list: string[] = [];
    while (!(peek()?.kind === 'symbol' && peek().text === ']')) {
      list.push(value());
      if (peek()?.kind === 'symbol' && peek().text === ',') position += 1;
      else break;
    }
    expectSymbol(']');
    return list;
  };
  const primary = (): FilterAst => {
    if (peek()?.kind === 'symbol' && peek().text === '(') {
      position += 1;
      const inner = or();
      expectSymbol(')');
      return inner;
    }
    const attribute = value();
    const next = peek();
    if (isKeyword(next, 'IN')) {
      position += 1;
      return { type: 'in', attribute, values: values() };
    }
    if (isKeyword(next, 'EXISTS')) {
      position += 1;
      return { type: 'exists', attribute };
    }
    if (isKeyword(next, 'NOT') && isKeyword(peek(1), 'EXISTS')) {
      position += 2;
      return { type: 'not', child: { type: 'exists', attribute } };
    }
    if (isKeyword(next, 'NOT') && isKeyword(peek(1), 'IN')) {
      position += 2;
      return { type: 'not', child: { type: 'in', attribute, values: values() } };
    }
    if (next?.kind === 'symbol' && ['=', '!=', '>', '>=', '<', '<='].includes(next.text)) {
      position += 1;
      return { type: 'condition', attribute, op: next.text as '=', value: value() };
    }
    const from = value();
    if (!isKeyword(peek(), 'TO')) throw new Error(`Expected an operator after ${attribute} in ${input}`);
    position += 1;
    return { type: 'to', attribute, from, to: value() };
  };
  const not = (): FilterAst => {
    if (isKeyword(peek(), 'NOT')) {
      position += 1;
      return { type: 'not', child: not() };
    }
    return primary();
  };
  const chain = (type: 'and' | 'or', keyword: string, next: () => FilterAst) => (): FilterAst => {
    const children = [next()];
    while (isKeyword(peek(), keyword)) {
      position += 1;
      children.push(next());
    }
    return children.length === 1 ? children[0] : { type, children };
  };
  const and = chain('and', 'AND', not);
  const or = chain('or', 'OR', and);
  const ast = or();
  if (position !== tokens.length) throw new Error(`Unexpected ${JSON.stringify(tokens[position]?.text)} after a complete filter in ${input}`);
  return ast;
}
