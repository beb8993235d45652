import { DomainError } from '#lib/domain';

/**
 * What a client may send before any route reads it (docs/security.md, "What a client may send"):
 * the gateway applies this to every JSON and form body it parses and to the query string and
 * path parameters; identity applies it to a batch body the gateway relays unparsed
 * (libs/platform/src/rpc/relayed-body.ts).
 */

/** A request body that must be a JSON object: 400 `REQUEST.MALFORMED` for anything else. */
export function jsonObject(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new DomainError('REQUEST.MALFORMED', 'Isi permintaan harus berupa objek JSON');
  }
  return body as Record<string, unknown>;
}

/** Deeper than any body of the API (≤ 4 levels): refused before anything recurses over it. */
export const MAX_BODY_DEPTH = 32;

/**
 * A parsed public JSON body made fit for the routes, in one walk (API.md: bad input gets a 4xx):
 * - nesting deeper than MAX_BODY_DEPTH is refused (class-transformer and the validators recurse:
 *   a body nested 5,000 deep overflowed the stack, a 500);
 * - a string or key holding U+0000 is refused, naming the field (PostgreSQL cannot store it in
 *   text: a 500);
 * - a string or key holding a bidirectional embedding, override or isolate (U+202A–U+202E,
 *   U+2066–U+2069) is refused, naming the field: they make a text show something else than it
 *   holds ("Trojan Source", CVE-2021-42574) and no field of the API needs them, so a new free-text
 *   field is covered before it opts into the stricter `@IsReadableText()`. A password is exempt
 *   (a field whose name ends in `password`): it is never shown, only compared as a hash, and one
 *   chosen before this rule must still sign in;
 * - a property whose value is `null` is removed: the API has no field where null means anything
 *   else than "not given", and the validation already reads it so (`@IsOptional()` passes null),
 *   while the code after it expects a given field to have its type (a null name reached the name
 *   comparison: a 500). A required field sent as null is then refused as missing.
 * Elements of lists are kept as they are (a null item is refused by the item's validation).
 * A list at the top is walked too (the route refuses it afterwards). Changes `body` in place and
 * returns it. `fromCleanText`: the body was parsed from a JSON text in which
 * `jsonTextMayHoldRefused` found nothing, so no string or key of it can hold a refused
 * character and only the depth and the nulls are looked at (a relayed batch of 1,000 checks
 * has some 11,000 strings and keys: one scan of its text instead of a test of each).
 */
export function acceptedBody<T>(body: T, { fromCleanText = false }: { fromCleanText?: boolean } = {}): T {
  if (typeof body !== 'object' || body === null) return body;
  const pending: Container[] = [{ value: body, depth: 1, parent: undefined, key: '' }];
  while (pending.length > 0) {
    const container = pending.pop() as Container;
    const { value, depth } = container;
    if (depth > MAX_BODY_DEPTH) {
      throw new DomainError(
        'REQUEST.MALFORMED',
        `Isi permintaan bersarang terlalu dalam (paling banyak ${MAX_BODY_DEPTH} tingkat)`,
      );
    }
    if (Array.isArray(value)) {
      const list = value as unknown[];
      for (let i = 0; i < list.length; i++) visit(list[i], container, i, pending, fromCleanText);
      continue;
    }
    const record = value as Record<string, unknown>;
    for (const key in record) {
      if (!fromCleanText && REFUSED_ANYWHERE.test(key)) throw refusedText(container, key, key);
      const child = record[key];
      if (child === null) delete record[key];
      else if (typeof child === 'string' && !fromCleanText && SECRET_FIELD.test(key)) {
        if (child.includes('\u0000')) throw refusedText(container, key, child, true);
      } else visit(child, container, key, pending, fromCleanText);
    }
  }
  return body;
}

/**
 * Whether a JSON text may hold, in some string or key, a character `acceptedBody` refuses: one
 * written as it is (a bidirectional control; U+0000 cannot be, JSON.parse refuses a raw control
 * character) or as an escape (`\\u…`, any of them, without reading which). False: none can.
 */
export function jsonTextMayHoldRefused(text: string): boolean {
  return text.includes('\\u') || REFUSED_ANYWHERE.test(text);
}

/** An object or list still to walk, and where it is (the path is only spelled out for an error). */
interface Container {
  value: object;
  depth: number;
  parent: Container | undefined;
  key: string | number;
}

/** U+0000, and the bidirectional embeddings, overrides and isolates. */
// eslint-disable-next-line no-control-regex -- U+0000 is what is refused
const REFUSED_ANYWHERE = /[\u0000\u202a-\u202e\u2066-\u2069]/;
/** A field holding a password: only U+0000 is refused in it (see `acceptedBody`). */
const SECRET_FIELD = /password$/i;

/** `clean`: the body's text holds no refused character (`fromCleanText`): strings are not tested. */
function visit(value: unknown, parent: Container, key: string | number, pending: Container[], clean: boolean): void {
  if (typeof value === 'string') {
    if (!clean && REFUSED_ANYWHERE.test(value)) throw refusedText(parent, key, value);
  } else if (typeof value === 'object' && value !== null) {
    pending.push({ value, depth: parent.depth + 1, parent, key });
  }
}

/**
 * 400 naming the field, as the validation names fields: `items[3].purpose`; `text` is the string
 * that holds the refused character (the value or the key), `nulOnly` for a password. The message
 * says which character and where (counted in code points from 1), so that the person can find an
 * invisible one.
 */
function refusedText(parent: Container, key: string | number, text: string, nulOnly = false): DomainError {
  let field = typeof key === 'number' ? `[${key}]` : key;
  for (let at: Container | undefined = parent; at?.parent !== undefined; at = at.parent) {
    const step = typeof at.key === 'number' ? `[${at.key}]` : at.key;
    field = `${step}${field.startsWith('[') ? '' : '.'}${field}`;
  }
  const index = nulOnly ? text.indexOf('\u0000') : text.search(REFUSED_ANYWHERE);
  const position = [...text.slice(0, index)].length + 1;
  const code = text.charCodeAt(index);
  const message =
    code === 0
      ? `tidak boleh memuat karakter NUL (\\u0000): ada pada karakter ke-${position}`
      : 'tidak boleh memuat karakter pengubah arah teks (U+202A–U+202E, U+2066–U+2069): ' +
        `U+${code.toString(16).toUpperCase()} pada karakter ke-${position}`;
  return new DomainError('VALIDATION.FAILED', 'Data yang dikirim tidak valid', {
    // A key holding a refused character is named with it written out, not echoed.
    errors: [{ field: field.replace(REFUSED_ANYWHERE_ALL, escapedCodePoint), message }],
  });
}

const REFUSED_ANYWHERE_ALL = new RegExp(REFUSED_ANYWHERE.source, 'g');
const escapedCodePoint = (character: string): string => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * For a Fastify parser or hook, which must not throw: runs the checks above (`acceptedBody`,
 * `jsonObject`) and gives their refusal (a 400 DomainError) to hand to `done`, or undefined.
 */
export function inputRefusal(check: () => unknown): Error | undefined {
  try {
    check();
    return undefined;
  } catch (refused) {
    return refused as Error;
  }
}
