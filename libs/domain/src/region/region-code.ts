/**
 * Kemendagri region codes (kode wilayah). The same code is written dotted in idn-area-data and
 * in the API (`16.02.05.1002`) and without dots inside a NIK or No. KK (`160205`), so every
 * lookup accepts both and keys on the compact form.
 */
export const RegionLevel = {
  PROVINCE: 'province',
  REGENCY: 'regency',
  DISTRICT: 'district',
  VILLAGE: 'village',
} as const;
export type RegionLevel = (typeof RegionLevel)[keyof typeof RegionLevel];

export const REGION_LEVELS: readonly RegionLevel[] = Object.values(RegionLevel);

/** Digits of the compact code at each level: PP, PPRR, PPRRDD, PPRRDDVVVV. */
const COMPACT_LENGTH: Record<RegionLevel, number> = { province: 2, regency: 4, district: 6, village: 10 };
const LEVEL_BY_COMPACT_LENGTH: Record<number, RegionLevel> = {
  2: 'province',
  4: 'regency',
  6: 'district',
  10: 'village',
};

export interface NormalizedRegionCode {
  /** Digits only, e.g. `160205`. */
  compact: string;
  /** As idn-area-data writes it, e.g. `16.02.05`. */
  dotted: string;
  level: RegionLevel;
}

function isAllDigits(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** The dotted form of a compact code whose length is that of a level. */
export function dottedRegionCode(compact: string): string {
  if (compact.length <= 2) return compact;
  if (compact.length <= 4) return `${compact.slice(0, 2)}.${compact.slice(2)}`;
  if (compact.length <= 6) return `${compact.slice(0, 2)}.${compact.slice(2, 4)}.${compact.slice(4)}`;
  return `${compact.slice(0, 2)}.${compact.slice(2, 4)}.${compact.slice(4, 6)}.${compact.slice(6)}`;
}

/**
 * Reads a region code written either fully dotted (`16.02`) or without dots (`1602`). Partial
 * dotting (`1602.05`), other separators, spaces and wrong lengths are not codes: `undefined`.
 */
export function normalizeRegionCode(code: unknown): NormalizedRegionCode | undefined {
  if (typeof code !== 'string') return undefined;
  const compact = code.includes('.') ? code.replaceAll('.', '') : code;
  const level = LEVEL_BY_COMPACT_LENGTH[compact.length];
  if (level === undefined || !isAllDigits(compact)) return undefined;
  const dotted = dottedRegionCode(compact);
  if (code !== compact && code !== dotted) return undefined;
  return { compact, dotted, level };
}

/** The compact code of the ancestor at `level` (e.g. the regency `1602` of `1602051002`). */
export function ancestorCompactCode(compact: string, level: RegionLevel): string {
  return compact.slice(0, COMPACT_LENGTH[level]);
}

export function compactLengthOf(level: RegionLevel): number {
  return COMPACT_LENGTH[level];
}
