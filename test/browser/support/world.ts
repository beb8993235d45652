import { afterAll, beforeAll } from '@jest/globals';
import type { SyntheticFamily, SyntheticPerson } from '../../../apps/identity/src/seed/population-generator.js';
import {
  createStaff,
  IDENTITY_TEST_ENV,
  importCsv,
  login,
  STAFF_PASSWORD,
  TEST_ADMIN,
} from '../../factories/accounts.factory.js';
import { residentsCsv, syntheticFamilies } from '../../factories/registry.factory.js';
import { startStack, type Stack } from '../../support/stack.js';
import { ensureWebBuilt, launchBrowser, type BrowserSession } from './browser.js';

export const REGENCY = '16.02';

/** A couple with children whose father heads the KK: the family a birth report needs. */
function coupleWithChildren(family: SyntheticFamily): boolean {
  const head = family.members[0];
  const wife = family.members.find((m) => m.relationship === 'ISTRI');
  return (
    family.members.every((m) => m.status === 'ACTIVE') &&
    head.relationship === 'KEPALA_KELUARGA' &&
    head.sex === 'LAKI_LAKI' &&
    wife !== undefined &&
    family.members.some((m) => m.relationship === 'ANAK' && m.motherName === wife.fullName)
  );
}

/** A family whose grown-up child (ANAK, born before 2004) can start a Kartu Keluarga of their own. */
function withAdultChild(family: SyntheticFamily): boolean {
  return (
    family.members.every((m) => m.status === 'ACTIVE') &&
    family.members.some((m) => m.relationship === 'ANAK' && m.birthDate <= '2004-01-01')
  );
}

export interface BrowserWorld {
  admin: string;
  families: SyntheticFamily[];
  /** Families with a grown-up child, none of them among `families`. */
  splitFamilies: SyntheticFamily[];
  clerk: { username: string; password: string };
  official: { username: string; password: string };
}

/** Registry and staff through the public API; residents register through the pages. */
export async function buildWorld(url: string, count: number, splitCount = 0): Promise<BrowserWorld> {
  const admin = await login(url, TEST_ADMIN.username, TEST_ADMIN.password);
  const population = syntheticFamilies({ regencyCode: REGENCY, families: 80, seed: 31 });
  const families = population.filter(coupleWithChildren).slice(0, count);
  if (families.length < count) throw new Error('The synthetic population has too few couples; change the seed');
  const splitFamilies = population.filter((f) => !families.includes(f) && withAdultChild(f)).slice(0, splitCount);
  if (splitFamilies.length < splitCount) throw new Error('Too few families with a grown-up child; change the seed');
  const imported = await importCsv(url, admin, residentsCsv([...families, ...splitFamilies]));
  if (imported.status !== 200 || imported.body.rejected.length > 0)
    throw new Error(`registry import failed: ${imported.status} ${JSON.stringify(imported.body).slice(0, 300)}`);
  await createStaff(url, admin, {
    username: 'operator.oki',
    role: 'CLERK',
    regencyCode: REGENCY,
    fullName: 'RINA MARLINA',
  });
  await createStaff(url, admin, {
    username: 'pejabat.oki',
    role: 'OFFICIAL',
    regencyCode: REGENCY,
    fullName: 'Drs. H. AHMAD SYAHRIAL, M.Si.',
  });
  return {
    admin,
    families,
    splitFamilies,
    clerk: { username: 'operator.oki', password: STAFF_PASSWORD },
    official: { username: 'pejabat.oki', password: STAFF_PASSWORD },
  };
}

export function headOf(family: SyntheticFamily): SyntheticPerson {
  return family.members[0];
}

/** The eldest grown-up child of a family picked by `withAdultChild`. */
export function adultChildOf(family: SyntheticFamily): SyntheticPerson {
  const children = family.members.filter((m) => m.relationship === 'ANAK' && m.birthDate <= '2004-01-01');
  const eldest = children.sort((a, b) => a.birthDate.localeCompare(b.birthDate))[0];
  if (!eldest) throw new Error('This family has no grown-up child');
  return eldest;
}

/** `YYYY-MM-DD`, `days` before today. */
export function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

/** A tiny real PDF: the server judges evidence by its content. */
export const EVIDENCE_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/** What a browser spec's set-up gives it, ready once the describe's first beforeAll has run. */
export interface BrowserSuite {
  readonly stack: Stack;
  readonly chromium: BrowserSession;
  /** Only when `families` was asked for. */
  readonly world: BrowserWorld;
}

/**
 * The set-up every browser spec shares, as beforeAll/afterAll of the describe that calls it: the
 * pages built, the whole system started with the test admin, the registry and staff
 * (`buildWorld`) when `families` is given, one Chromium; all closed afterwards. A spec's own
 * beforeAll, declared after the call, runs after it.
 */
export function browserSuite(options: { families?: number; splitFamilies?: number } = {}): BrowserSuite {
  let stack: Stack | undefined;
  let chromium: BrowserSession | undefined;
  let world: BrowserWorld | undefined;
  beforeAll(async () => {
    ensureWebBuilt();
    stack = await startStack({ env: IDENTITY_TEST_ENV });
    if (options.families !== undefined) {
      world = await buildWorld(stack.url, options.families, options.splitFamilies ?? 0);
    }
    chromium = await launchBrowser();
  });
  afterAll(async () => {
    await chromium?.close();
    await stack?.close();
  });
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`browserSuite: no ${what} (set up in beforeAll, asked for in options)`);
    return value;
  };
  return {
    get stack() {
      return ready(stack, 'stack');
    },
    get chromium() {
      return ready(chromium, 'browser');
    },
    get world() {
      return ready(world, 'world');
    },
  };
}
