import { describe, expect, it } from '@jest/globals';
import { sentenceCase } from './sentence-case.js';
import { SIAK_EDUCATION, SIAK_OCCUPATION } from '../../../../libs/domain/src/reference/siak-lists.data.js';

describe('official labels read as a sentence on the pages', () => {
  it.each([
    ['PELAJAR/MAHASISWA', 'Pelajar/mahasiswa'],
    ['KAWIN TERCATAT', 'Kawin tercatat'],
    ['ISLAM', 'Islam'],
    ['KEPERCAYAAN TERHADAP TUHAN YME', 'Kepercayaan terhadap Tuhan YME'],
    ['SLTA/SEDERAJAT', 'SLTA/sederajat'],
    ['DIPLOMA IV/STRATA I', 'Diploma IV/strata I'],
    ['AKADEMI/DIPLOMA III/S. MUDA', 'Akademi/diploma III/S. muda'],
    ['TENTARA NASIONAL INDONESIA (TNI)', 'Tentara nasional Indonesia (TNI)'],
    ['ANGGOTA DPR-RI', 'Anggota DPR-RI'],
    ['KARTU KELUARGA LAMA', 'Kartu Keluarga lama'],
    ['SPTJM KEBENARAN DATA KELAHIRAN', 'SPTJM kebenaran data kelahiran'],
    ['PEJABAT PENCATATAN SIPIL', 'Pejabat Pencatatan Sipil'],
    ['LAKI-LAKI', 'Laki-laki'],
    ['AB+', 'AB+'],
  ])('%s → %s', (official, shown) => {
    expect(sentenceCase(official)).toBe(shown);
  });

  it('leaves text that is not an official upper-case label as written', () => {
    expect(sentenceCase('Kayuagung')).toBe('Kayuagung');
    expect(sentenceCase('O')).toBe('O');
  });

  it('shows no SIAK label in capitals only, and changes nothing but the case', () => {
    for (const { label } of [...SIAK_EDUCATION, ...SIAK_OCCUPATION]) {
      expect(sentenceCase(label).toUpperCase()).toBe(label);
      expect(sentenceCase(label)).toMatch(/[a-z]/);
    }
  });
});
