import { describe, expect, it } from '@jest/globals';
import { installRegionDirectory, regionDirectory } from './installed-region-directory.js';
import {
  ancestorCompactCode,
  compactLengthOf,
  dottedRegionCode,
  normalizeRegionCode,
  RegionLevel,
} from './region-code.js';
import { RegionDirectory } from './region-directory.js';

describe('region codes', () => {
  it.each([
    ['16', '16', '16', 'province'],
    ['16.02', '1602', '16.02', 'regency'],
    ['1602', '1602', '16.02', 'regency'],
    ['16.02.05', '160205', '16.02.05', 'district'],
    ['1602051002', '1602051002', '16.02.05.1002', 'village'],
    ['16.02.05.1002', '1602051002', '16.02.05.1002', 'village'],
  ])('reads %s', (input, compact, dotted, level) => {
    expect(normalizeRegionCode(input)).toEqual({ compact, dotted, level });
  });

  it.each(['', '1', '160', '16.2', '1602.05', '16-02', '16.02.05.100', ' 16', 'ab', '16.02.', 1602, null])(
    'refuses %p',
    (input) => {
      expect(normalizeRegionCode(input)).toBeUndefined();
    },
  );

  it('knows each level’s ancestors and lengths', () => {
    expect(ancestorCompactCode('1602051002', RegionLevel.REGENCY)).toBe('1602');
    expect(compactLengthOf(RegionLevel.DISTRICT)).toBe(6);
    expect(dottedRegionCode('16')).toBe('16');
  });
});

describe('a region directory from other CSV text', () => {
  const source = {
    provinces: 'code,name\r\n77,PROVINSI UJI\r\n78,PROVINSI KOSONG\r\n',
    regencies: 'code,province_code,name\n77.01,77,KOTA "UJI"\n\n',
    districts: 'code,regency_code,name\n77.01.01,77.01,"Satu, Dua"\n',
    villages: () => 'code,district_code,name\n77.01.01.2001,77.01.01,"Desa ""Lama"""\n',
  };

  it('keeps mixed-case names as written and title-cases names in capitals (idn-area-data 3)', () => {
    const regions = RegionDirectory.fromCsv({
      ...source,
      provinces: 'code,name\n31,DKI JAKARTA\n77,Provinsi Uji di Sini\n',
    });
    expect(regions.get('31')?.name).toBe('DKI Jakarta');
    expect(regions.get('77')?.name).toBe('Provinsi Uji di Sini');
    expect(regions.get('77')?.upperName).toBe('PROVINSI UJI DI SINI');
  });

  it('reads quoted names, CRLF line ends and blank lines', () => {
    const regions = RegionDirectory.fromCsv(source);
    expect(regions.get('77.01.01')?.name).toBe('Satu, Dua');
    expect(regions.get('77.01')?.name).toBe('Kota "uji"');
    expect(regions.get('77.01.01.2001')?.upperName).toBe('DESA "LAMA"');
    expect(regions.get('77')?.parentCode).toBeNull();
    expect(regions.childrenOf('77').map((r) => r.code)).toEqual(['77.01']);
    expect(regions.childrenOf('78')).toEqual([]);
  });

  it('refuses malformed lines and codes of the wrong level', () => {
    expect(() => RegionDirectory.fromCsv({ ...source, regencies: 'code,province_code,name\n77.01;77;X\n' })).toThrow(
      /Malformed region CSV line 2/,
    );
    expect(() => RegionDirectory.fromCsv({ ...source, regencies: 'code,province_code,name\n77.01,77\n' })).toThrow(
      /Malformed/,
    );
    expect(() => RegionDirectory.fromCsv({ ...source, districts: 'code,regency_code,name\n77.01,77,X\n' })).toThrow(
      /not a district code/,
    );
  });
});

describe('the installed region directory', () => {
  it('is the one installed at start-up, and says so when none is', () => {
    const own = RegionDirectory.fromCsv({
      provinces: 'code,name\n77,PROVINSI UJI\n',
      regencies: 'code,province_code,name\n',
      districts: 'code,regency_code,name\n',
      villages: () => 'code,district_code,name\n',
    });
    const before = installRegionDirectory(own);
    try {
      expect(regionDirectory()).toBe(own);
      expect(installRegionDirectory(undefined)).toBe(own);
      expect(() => regionDirectory()).toThrow(/No region directory is installed/);
    } finally {
      installRegionDirectory(before);
    }
  });
});
