import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { installRegionDirectory, RegionDirectory } from '#lib/domain';

let directory: RegionDirectory | undefined;

/**
 * The region directory of the installed `idn-area-data` release, built once per process. The
 * package's JS API is asynchronous and start-up wants the data synchronously, so this reads the
 * CSV files it ships; villages (84 thousand rows most processes never ask about) on first use.
 */
export function idnAreaRegionDirectory(): RegionDirectory {
  if (directory === undefined) {
    const dataDir = join(dirname(createRequire(import.meta.url).resolve('idn-area-data/package.json')), 'data');
    const read = (name: string): string => readFileSync(join(dataDir, `${name}.csv`), 'utf8');
    directory = RegionDirectory.fromCsv({
      provinces: read('provinces'),
      regencies: read('regencies'),
      districts: read('districts'),
      villages: () => read('villages'),
    });
  }
  return directory;
}

/**
 * Hands the idn-area-data directory to libs/domain, whose `regionDirectory()` the identifier
 * rules and the apps use. Every Node entry point calls this at start-up (services through
 * `startServiceApp`, the gateway in `startGateway`, CLIs and benches first thing, jest in
 * `test/support/regions.setup.ts`); calling it again is harmless.
 */
export function installIdnAreaRegions(): RegionDirectory {
  const regions = idnAreaRegionDirectory();
  installRegionDirectory(regions);
  return regions;
}
