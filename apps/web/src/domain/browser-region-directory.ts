import { RegionDirectory } from '../../../../libs/domain/src/region/region-directory.js';
import { districtCodes, provinces, regencies } from './region-codes';

let directory: RegionDirectory | undefined;

/** `16.02:01 02|...` back into the `code,regency_code,name` CSV RegionDirectory reads. */
function districtsCsv(): string {
  const lines = ['code,regency_code,name'];
  for (const group of districtCodes.split('|')) {
    if (group === '') continue;
    const [regency, codes] = group.split(':');
    for (const code of codes.split(' ')) lines.push(`${regency}.${code},${regency},`);
  }
  return lines.join('\n');
}

/**
 * The browser's stand-in for libs/domain's default region directory (which reads files with
 * node:fs): the same RegionDirectory, over the idn-area-data lists the build bundles. Villages
 * are not bundled; the NIK and No. KK rules never need them.
 */
export function regionDirectory(): RegionDirectory {
  directory ??= RegionDirectory.fromCsv({
    provinces,
    regencies,
    districts: districtsCsv(),
    villages: () => 'code,district_code,name\n',
  });
  return directory;
}
