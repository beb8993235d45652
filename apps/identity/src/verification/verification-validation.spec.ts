import { describe, expect, it } from '@jest/globals';
import { ValidationPipe } from '@nestjs/common';
import { VerificationItem, VerifyBatchRequest, VerifyRequest } from '#lib/contracts';
import { compileAcceptor, validationPipeOptions, type MessageClass } from '#lib/validation';

// The compiled acceptors of the hot verification messages against the ValidationPipe with the
// contract classes, on one corpus: the acceptor may only accept what the pipe accepts, and on
// this corpus it accepts exactly that (it is generated from the same decorators).

const pipe = new ValidationPipe(validationPipeOptions);
async function pipeAccepts(metatype: MessageClass, value: unknown): Promise<boolean> {
  try {
    await pipe.transform(structuredClone(value), { type: 'body', metatype: metatype as never });
    return true;
  } catch {
    return false;
  }
}

const PRINCIPAL = { accountId: '5b0f4a8e-7c1d-4f5e-9a3b-2c6d8e0f1a2b', role: 'AGENCY' };
const ITEM = {
  nik: '1602054101900001',
  purpose: 'Pembukaan rekening tabungan',
  fullName: 'SITI RAHAYU',
  birthDate: '1990-01-01',
  birthPlace: 'KAYU AGUNG',
  sex: 'PEREMPUAN',
  motherName: 'NURHAYATI',
  address: 'JL. MERDEKA NO. 12',
};

/**
 * What the acceptor must say, given the pipe's verdict: the same, except on shapes the pipe lets
 * through by accident and the acceptor refuses to judge — an own `__proto__` or `constructor`
 * key (JSON.parse makes them from `"__proto__": …`; class-transformer drops them silently) and an
 * array where the message has one object (class-validator then checks the array's elements). The
 * fast path hands those to the pipe, so the outcome there is the pipe's either way.
 */
function expected(pipeVerdict: boolean, value: unknown): boolean {
  const odd = (object: unknown): boolean =>
    typeof object === 'object' &&
    object !== null &&
    (Array.isArray(object) || Object.hasOwn(object, '__proto__') || Object.hasOwn(object, 'constructor'));
  const message = value as { principal?: unknown; items?: unknown } | null;
  if (odd(value) || odd(message?.principal) || (Array.isArray(message?.items) && message.items.some(odd))) {
    return false;
  }
  return pipeVerdict;
}

const show = (value: unknown): string => JSON.stringify(value)?.slice(-300) ?? String(value);

/** Values tried in every field: right and wrong types, edges of the rules. */
const VALUES: unknown[] = [
  undefined,
  null,
  '',
  ' ',
  'SITI',
  'x'.repeat(200),
  'x'.repeat(201),
  'x'.repeat(300),
  'x'.repeat(301),
  'x'.repeat(500),
  'x'.repeat(501),
  // Longer in UTF-16 units than in characters: MaxLength counts a surrogate pair, and a character
  // with a variation selector, as one (the compiled check's shortcut must fall back to counting).
  '😀'.repeat(200),
  '😀'.repeat(201),
  'x'.repeat(199) + '😀',
  '✔\uFE0F'.repeat(150),
  '✔\uFE0F'.repeat(151),
  0,
  42,
  true,
  [],
  ['SITI'],
  {},
  { nik: '1602054101900001' },
  '1602054101900001',
  '160205410190000',
  '16020541019000011',
  '1602054101900000',
  '1602053201900001',
  '9902054101900001',
  '１６０２０５４１０１９０００１',
  '1990-01-01',
  '1990-02-30',
  '2999-01-01',
  '1990-1-1',
  'LAKI_LAKI',
  'PEREMPUAN',
  'perempuan',
  'AGENCY',
  'ADMIN',
  'NOT_A_ROLE',
  PRINCIPAL.accountId,
  'not-a-uuid',
  '16.02',
];

function corpusOfItems(): Array<Record<string, unknown>> {
  const corpus: Array<Record<string, unknown>> = [ITEM, { nik: ITEM.nik, purpose: ITEM.purpose }];
  for (const field of [...Object.keys(ITEM), 'extra', '__proto__', 'constructor', 'principal']) {
    for (const value of VALUES) {
      const item: Record<string, unknown> = { ...ITEM };
      if (field === '__proto__') Object.defineProperty(item, field, { value, enumerable: true });
      else if (value === undefined) delete item[field];
      else item[field] = value;
      corpus.push(item);
    }
  }
  return corpus;
}

describe('compiled acceptors of the verification messages', () => {
  it('accept exactly what the ValidationPipe accepts: single checks', async () => {
    const accept = compileAcceptor(VerifyRequest);
    const corpus: unknown[] = corpusOfItems().map((item) => ({ ...item, principal: PRINCIPAL }));
    for (const value of VALUES) corpus.push({ ...ITEM, principal: value });
    for (const field of ['accountId', 'role', 'regencyCode', 'nik', 'username', 'extra']) {
      for (const value of VALUES) corpus.push({ ...ITEM, principal: { ...PRINCIPAL, [field]: value } });
    }
    corpus.push(null, [], 'text', 42, [ITEM]);
    let accepted = 0;
    for (const value of corpus) {
      const fast = accept(value);
      const slow = await pipeAccepts(VerifyRequest, value);
      if (fast !== expected(slow, value)) throw new Error(`fast ${fast}, pipe ${slow} on ${show(value)}`);
      if (fast) accepted++;
    }
    // The corpus holds both kinds, in numbers.
    expect(accepted).toBeGreaterThan(30);
    expect(corpus.length - accepted).toBeGreaterThan(200);
  });

  it('accept exactly what the ValidationPipe accepts: batches', async () => {
    const accept = compileAcceptor(VerifyBatchRequest);
    const corpus: unknown[] = corpusOfItems().map((item) => ({ principal: PRINCIPAL, items: [ITEM, item] }));
    for (const items of VALUES) corpus.push({ principal: PRINCIPAL, items });
    corpus.push(
      { principal: PRINCIPAL, items: Array.from({ length: 1000 }, () => ITEM) },
      { principal: PRINCIPAL, items: Array.from({ length: 1001 }, () => ITEM) },
      { principal: PRINCIPAL, items: [ITEM, null] },
      { principal: PRINCIPAL, items: [ITEM, [ITEM]] },
      { principal: PRINCIPAL, items: [ITEM], extra: 1 },
      { items: [ITEM] },
      { principal: { ...PRINCIPAL, role: 'ROOT' }, items: [ITEM] },
    );
    let accepted = 0;
    for (const value of corpus) {
      const fast = accept(value);
      const slow = await pipeAccepts(VerifyBatchRequest, value);
      if (fast !== expected(slow, value)) throw new Error(`fast ${fast}, pipe ${slow} on ${show(value)}`);
      if (fast) accepted++;
    }
    expect(accepted).toBeGreaterThan(30);
    expect(corpus.length - accepted).toBeGreaterThan(200);
  });

  it('is generated from the decorators: the item class compiles to the same verdicts', () => {
    const accept = compileAcceptor(VerificationItem);
    expect(accept(ITEM)).toBe(true);
    expect(accept({ ...ITEM, nik: '1602054101900000' })).toBe(false);
    expect(accept({ ...ITEM, sex: 'perempuan' })).toBe(false);
    expect(accept({ ...ITEM, fullName: 'x'.repeat(201) })).toBe(false);
  });
});
