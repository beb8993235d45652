/**
 * PostgreSQL's COPY text format: one row a line, columns separated by tabs, `\N` for NULL, and
 * backslash, tab, CR and LF escaped inside values.
 */
const SPECIAL = /[\\\t\n\r]/;

export function copyValue(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  const text = typeof value === 'number' ? String(value) : value;
  if (!SPECIAL.test(text)) return text;
  return text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

export function copyLine(values: ReadonlyArray<string | number | null | undefined>): string {
  let line = copyValue(values[0]);
  for (let i = 1; i < values.length; i++) line += '\t' + copyValue(values[i]);
  return line + '\n';
}
