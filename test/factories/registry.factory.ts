import {
  PopulationGenerator,
  type SyntheticFamily,
  type SyntheticPerson,
} from '../../apps/identity/src/seed/population-generator.js';
import { IMPORT_COLUMNS } from '../../apps/identity/src/import/resident-row.js';
import type { FamilyView } from '#lib/contracts';
import { regionDirectory } from '#lib/domain';

/**
 * Synthetic registry data for tests (never real people): plausible families from the seed's
 * generator, and the CSV the registry import takes.
 */
/** The registry import's columns, in the order the service documents them. */
export const CSV_COLUMNS = IMPORT_COLUMNS;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

export function syntheticFamilies(options: {
  regencyCode: string;
  families: number;
  seed?: number;
}): SyntheticFamily[] {
  const generator = new PopulationGenerator({ regencyCode: options.regencyCode, seed: options.seed ?? 1 });
  return Array.from({ length: options.families }, () => generator.family());
}

/** A family with at least `members` members (head, spouse, children). */
export function syntheticFamilyWith(options: { regencyCode: string; seed?: number; members: number }): SyntheticFamily {
  const generator = new PopulationGenerator({ regencyCode: options.regencyCode, seed: options.seed ?? 7 });
  for (;;) {
    const family = generator.family();
    if (family.members.length >= options.members) return family;
  }
}

export function csvValue(value: string | undefined): string {
  if (value === undefined) return '';
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export type CsvRowValues = Partial<Record<CsvColumn, string>>;

export function rowOf(person: SyntheticPerson, family: SyntheticFamily): CsvRowValues {
  return {
    ...person,
    familyCardNumber: family.familyCardNumber,
    address: family.address,
    rt: family.rt,
    rw: family.rw,
    villageCode: family.villageCode,
    postalCode: family.postalCode,
  };
}

export function csvLine(values: CsvRowValues, columns: readonly CsvColumn[] = CSV_COLUMNS): string {
  return columns.map((column) => csvValue(values[column])).join(',');
}

/** The CSV of whole families, one row a person, header first. */
export function residentsCsv(
  families: readonly SyntheticFamily[],
  columns: readonly CsvColumn[] = CSV_COLUMNS,
): string {
  const lines = [columns.join(',')];
  for (const family of families)
    for (const person of family.members) lines.push(csvLine(rowOf(person, family), columns));
  return `${lines.join('\n')}\n`;
}

/** The family as identity would put it in a registry-change event. */
export function familyViewOf(family: SyntheticFamily): FamilyView {
  const lineage = regionDirectory().lineage(family.villageCode)!;
  const head = family.members.find((m) => m.relationship === 'KEPALA_KELUARGA') ?? family.members[0];
  return {
    familyCardNumber: family.familyCardNumber,
    address: family.address,
    rt: family.rt,
    rw: family.rw,
    villageCode: family.villageCode,
    postalCode: family.postalCode,
    headNik: head.nik,
    villageName: lineage.village!.name,
    districtCode: lineage.district!.code,
    districtName: lineage.district!.name,
    regencyCode: lineage.regency!.code,
    regencyName: lineage.regency!.name,
    provinceCode: lineage.province.code,
    provinceName: lineage.province.name,
    members: family.members.map(({ ...person }) => person),
  };
}
