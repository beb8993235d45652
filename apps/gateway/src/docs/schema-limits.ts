/**
 * The longest string an anchored pattern admits (`^\d{3}$` → 3), or undefined when it is
 * unbounded (`*`, `+`, `{n,}`) or too clever to read. The OpenAPI document states `maxLength`
 * for every string (the OWASP "unrestricted resource consumption" rules); a contract field whose
 * only limit is its pattern gets the length the pattern already enforces.
 */
export function patternMaxLength(pattern: string): number | undefined {
  if (!pattern.startsWith('^') || !pattern.endsWith('$') || pattern.endsWith('\\$')) return undefined;
  const parsed = sequence(pattern.slice(1, -1), 0);
  return parsed !== undefined && parsed.end === pattern.length - 2 ? parsed.max : undefined;
}

interface Parsed {
  max: number;
  end: number;
}

/** Alternatives separated by `|` up to a `)` or the end: the longest of them. */
function sequence(text: string, start: number): Parsed | undefined {
  let best = 0;
  let current = 0;
  let index = start;
  while (index < text.length && text[index] !== ')') {
    if (text[index] === '|') {
      best = Math.max(best, current);
      current = 0;
      index += 1;
      continue;
    }
    const atom = readAtom(text, index);
    if (atom === undefined) return undefined;
    const quantified = readQuantifier(text, atom.end);
    if (quantified === undefined) return undefined;
    current += atom.max * quantified.times;
    index = quantified.end;
  }
  return { max: Math.max(best, current), end: index };
}

function readAtom(text: string, index: number): Parsed | undefined {
  const char = text[index];
  if (char === '\\') return index + 1 < text.length ? { max: 1, end: index + 2 } : undefined;
  if (char === '[') {
    let end = index + 1;
    while (end < text.length && text[end] !== ']') end += text[end] === '\\' ? 2 : 1;
    return end < text.length ? { max: 1, end: end + 1 } : undefined;
  }
  if (char === '(') {
    // A lookahead (`(?=...)`, `(?!...)`) checks without consuming anything.
    if (text.startsWith('?=', index + 1) || text.startsWith('?!', index + 1)) return skipGroup(text, index);
    const inner = sequence(text, text.startsWith('?:', index + 1) ? index + 3 : index + 1);
    return inner !== undefined && text[inner.end] === ')' ? { max: inner.max, end: inner.end + 1 } : undefined;
  }
  if (char === undefined || '*+?{}^$'.includes(char)) return undefined;
  return { max: 1, end: index + 1 };
}

function readQuantifier(text: string, index: number): { times: number; end: number } | undefined {
  const char = text[index];
  if (char === '?') return { times: 1, end: index + 1 };
  if (char === '*' || char === '+') return undefined;
  if (char !== '{') return { times: 1, end: index };
  const match = /^\{(\d+)(?:,(\d+))?\}/.exec(text.slice(index));
  if (match === null || text.slice(index).startsWith(`{${match[1]},}`)) return undefined;
  return { times: Number(match[2] ?? match[1]), end: index + match[0].length };
}

function skipGroup(text: string, open: number): Parsed | undefined {
  let depth = 0;
  for (let index = open; index < text.length; index += 1) {
    if (text[index] === '\\') index += 1;
    else if (text[index] === '(') depth += 1;
    else if (text[index] === ')' && --depth === 0) return { max: 0, end: index + 1 };
  }
  return undefined;
}
