import { describe, expect, it } from '@jest/globals';
import { regionDirectory, RegionLevel } from '#lib/domain';
import { idnAreaRegionDirectory, installIdnAreaRegions } from './idn-area-regions.js';

describe('the idn-area-data region directory', () => {
  const regions = installIdnAreaRegions();

  it('is built once and is the one libs/domain answers with', () => {
    expect(idnAreaRegionDirectory()).toBe(regions);
    expect(installIdnAreaRegions()).toBe(regions);
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
