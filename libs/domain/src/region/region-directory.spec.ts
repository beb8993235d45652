import { describe, expect, it } from '@jest/globals';
import { regionDirectory } from './default-region-directory.js';
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

describe('the idn-area-data region directory', () => {
  const regions = regionDirectory();

  it('is loaded once', () => {
    expect(regionDirectory()).toBe(regions);
  });

  it('holds every region of the package', () => {
    expect(regions.list(RegionLevel.PROVINCE)).toHaveLength(38);
    expect(regions.list(RegionLevel.REGENCY)).toHaveLength(514);
    expect(regions.list(RegionLevel.DISTRICT)).toHaveLength(7285);
    expect(regions.list(RegionLevel.VILLAGE)).toHaveLength(83762);
  });

  it('finds the first customer’s regions by dotted or compact code', () => {
    const oki = regions.get('16.02');
    expect(oki).toEqual({
      code: '16.02',
      compactCode: '1602',
      level: 'regency',
      name: 'Kabupaten Ogan Komering Ilir',
      upperName: 'KABUPATEN OGAN KOMERING ILIR',
      parentCode: '16',
    });
    expect(regions.get('1602')).toBe(oki);
    expect(regions.get('16.02.05')?.name).toBe('Kayu Agung');
    expect(regions.get('16.02.05')?.upperName).toBe('KAYU AGUNG');
    expect(regions.get('16.02.05.1002')?.name).toBe('Kayuagung');
    // Since idn-area-data 4 the source spells names in mixed case and in full.
    expect(regions.get('31')?.name).toBe('Daerah Khusus Ibukota Jakarta');
    expect(regions.get('16')?.name).toBe('Sumatera Selatan');
  });

  it('answers unknown and malformed codes with nothing', () => {
    expect(regions.get('16.99')).toBeUndefined();
    expect(regions.get('16.2')).toBeUndefined();
    expect(regions.has('16.02', RegionLevel.REGENCY)).toBe(true);
    expect(regions.has('16.02', RegionLevel.DISTRICT)).toBe(false);
    expect(regions.has('16.02.05.1002')).toBe(true);
    expect(regions.find('99', RegionLevel.PROVINCE)).toBeUndefined();
  });

  it('tells which district, regency and province a village belongs to', () => {
    const lineage = regions.lineage('1602051002');
    expect(lineage?.province.code).toBe('16');
    expect(lineage?.regency?.code).toBe('16.02');
    expect(lineage?.district?.code).toBe('16.02.05');
    expect(lineage?.village?.code).toBe('16.02.05.1002');
    expect(regions.lineage('16')).toEqual({ province: regions.get('16') });
    expect(regions.lineage('16.02')?.district).toBeUndefined();
    expect(regions.regencyOf('16.02.05')?.upperName).toBe('KABUPATEN OGAN KOMERING ILIR');
    expect(regions.provinceOf('16.02.05.1002')?.upperName).toBe('SUMATERA SELATAN');
    expect(regions.lineage('16.99')).toBeUndefined();
    expect(regions.regencyOf('16')).toBeUndefined();
  });

  it('lists the regions one level down', () => {
    expect(regions.childrenOf('16.02').every((d) => d.level === 'district' && d.parentCode === '16.02')).toBe(true);
    expect(regions.childrenOf('16.02').map((d) => d.code)).toContain('16.02.05');
    expect(regions.childrenOf('16.02.05').map((v) => v.code)).toContain('16.02.05.1002');
    expect(regions.childrenOf('16.02.05.1002')).toEqual([]);
    expect(regions.childrenOf('16.99')).toEqual([]);
  });

  it('checks integer codes for the identifier parsers', () => {
    expect(regions.isKnownProvince(16)).toBe(true);
    expect(regions.isKnownProvince(10)).toBe(false);
    expect(regions.isKnownRegency(1602)).toBe(true);
    expect(regions.isKnownRegency(1699)).toBe(false);
    expect(regions.isKnownDistrict(160205)).toBe(true);
    expect(regions.isKnownDistrict(160299)).toBe(false);
    expect(regions.dottedRegencyCode(1602)).toBe('16.02');
    expect(regions.dottedRegencyCode(1699)).toBe('16.99');
    expect(regions.dottedDistrictCode(160205)).toBe('16.02.05');
    expect(regions.dottedDistrictCode(160299)).toBe('16.02.99');
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
