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
 * - a property whose value is `null` is removed: the API has no field where null means anything
 *   else than "not given", and the validation already reads it so (`@IsOptional()` passes null),
 *   while the code after it expects a given field to have its type (a null name reached the name
 *   comparison: a 500). A required field sent as null is then refused as missing.
 * Elements of lists are kept as they are (a null item is refused by the item's validation).
 * A list at the top is walked too (the route refuses it afterwards). Changes `body` in place and
 * returns it.
 */
export function acceptedBody<T>(body: T): T {
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
      for (let i = 0; i < list.length; i++) visit(list[i], container, i, pending);
      continue;
    }
    const record = value as Record<string, unknown>;
    for (const key in record) {
      if (key.includes('\u0000')) throw nulRefused(container, key);
      const child = record[key];
      if (child === null) delete record[key];
      else visit(child, container, key, pending);
    }
  }
  return body;
}

/** An object or list still to walk, and where it is (the path is only spelled out for an error). */
interface Container {
  value: object;
  depth: number;
  parent: Container | undefined;
  key: string | number;
}

function visit(value: unknown, parent: Container, key: string | number, pending: Container[]): void {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) throw nulRefused(parent, key);
  } else if (typeof value === 'object' && value !== null) {
    pending.push({ value, depth: parent.depth + 1, parent, key });
  }
}

/** 400 naming the field, as the validation names fields: `items[3].purpose`. */
function nulRefused(parent: Container, key: string | number): DomainError {
  let field = typeof key === 'number' ? `[${key}]` : key;
  for (let at: Container | undefined = parent; at?.parent !== undefined; at = at.parent) {
    const step = typeof at.key === 'number' ? `[${at.key}]` : at.key;
    field = `${step}${field.startsWith('[') ? '' : '.'}${field}`;
  }
  return new DomainError('VALIDATION.FAILED', 'Data yang dikirim tidak valid', {
    // A key holding U+0000 is named with it written out, not echoed.
    errors: [{ field: field.replaceAll('\u0000', '\\u0000'), message: 'tidak boleh memuat karakter NUL (\\u0000)' }],
  });
}

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
