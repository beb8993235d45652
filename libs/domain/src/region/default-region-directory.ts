import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { RegionDirectory } from './region-directory.js';

let directory: RegionDirectory | undefined;

function idnAreaDataDir(): string {
  // The package's JS API is asynchronous; the domain needs the data synchronously at first use,
  // so it reads the CSV files the package ships.
  return join(dirname(createRequire(import.meta.url).resolve('idn-area-data/package.json')), 'data');
}

/**
 * The region directory of the installed `idn-area-data` release, loaded once on first use
 * (never a hand-typed table: DOMAIN.md "Identifiers").
 */
export function regionDirectory(): RegionDirectory {
  if (directory === undefined) {
    const dir = idnAreaDataDir();
    const read = (name: string): string => readFileSync(join(dir, `${name}.csv`), 'utf8');
    directory = RegionDirectory.fromCsv({
      provinces: read('provinces'),
      regencies: read('regencies'),
      districts: read('districts'),
      villages: () => read('villages'),
    });
  }
  return directory;
}
