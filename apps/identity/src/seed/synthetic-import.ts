import { IMPORT_COLUMNS } from '../import/resident-row.js';
import { PopulationGenerator } from './population-generator.js';

/**
 * The import benches' file: a header of every import column and one line per synthetic resident
 * of about `rows` people (whole families), always the same for the same arguments. The synthetic
 * people have no passport or KITAP, so those cells stay empty; no cell needs quoting.
 */
export function syntheticImportCsv(rows: number, regencyCode: string): { header: string; lines: string[] } {
  const generator = new PopulationGenerator({ regencyCode, seed: 4242 });
  const lines: string[] = [];
  for (const family of generator.families(rows)) {
    for (const person of family.members) {
      const values: Record<string, string | undefined> = { ...person, ...family, members: undefined };
      lines.push(IMPORT_COLUMNS.map((column) => values[column] ?? '').join(','));
    }
  }
  return { header: IMPORT_COLUMNS.join(','), lines };
}
