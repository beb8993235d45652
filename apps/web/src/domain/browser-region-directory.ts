import { RegionDirectory } from '../../../../libs/domain/src/region/region-directory.js';
import { districtCodes, provinces, regencies } from './region-codes';

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
 * The browser's region directory: libs/domain's RegionDirectory over the idn-area-data lists
 * the build bundles (region-codes.ts). main.tsx installs it at start-up, as the Node apps
 * install theirs. Villages are not bundled; the NIK and No. KK rules never need them.
 */
export function browserRegionDirectory(): RegionDirectory {
  return RegionDirectory.fromCsv({
    provinces,
    regencies,
    districts: districtsCsv(),
    villages: () => 'code,district_code,name\n',
  });
}
