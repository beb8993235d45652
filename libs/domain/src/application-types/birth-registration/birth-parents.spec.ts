import { MaritalStatus, Relationship } from '../../enums/population.js';
import { AttachmentKind } from '../../enums/services.js';
import {
  birthEvidence,
  BirthParents,
  birthParentsOf,
  mayLackBirthLetter,
  newbornRelationship,
  parentsClause,
  parentsEvidence,
} from './birth-parents.js';

const married = { maritalStatus: MaritalStatus.KAWIN_TERCATAT };
const single = { maritalStatus: MaritalStatus.BELUM_KAWIN };

describe('the parents on a birth record', () => {
  it('names the mother only when no father is named', () => {
    expect(birthParentsOf(undefined, single)).toBe(BirthParents.MOTHER_ONLY);
    expect(parentsClause(BirthParents.MOTHER_ONLY, undefined, 'SITI')).toBe('dari ibu SITI');
    expect(parentsEvidence(BirthParents.MOTHER_ONLY)).toEqual([]);
  });

  it('names both parents of a recorded marriage', () => {
    expect(birthParentsOf(married, married)).toBe(BirthParents.MARRIED);
    expect(parentsClause(BirthParents.MARRIED, 'BUDI', 'SITI')).toBe('dari ayah BUDI dan ibu SITI');
    expect(parentsEvidence(BirthParents.MARRIED).map((e) => e.kind)).toEqual([AttachmentKind.BUKU_NIKAH]);
  });

  it('takes the SPTJM route when either parent is not KAWIN_TERCATAT', () => {
    expect(birthParentsOf(single, single)).toBe(BirthParents.MARRIAGE_NOT_RECORDED);
    expect(birthParentsOf(married, { maritalStatus: MaritalStatus.CERAI_HIDUP_TERCATAT })).toBe(
      BirthParents.MARRIAGE_NOT_RECORDED,
    );
    expect(parentsClause(BirthParents.MARRIAGE_NOT_RECORDED, 'BUDI', 'SITI')).toBe(
      'dari ayah BUDI dan ibu SITI, yang perkawinannya belum tercatat sesuai dengan ketentuan peraturan perundang-undangan',
    );
    expect(parentsEvidence(BirthParents.MARRIAGE_NOT_RECORDED).map((e) => e.kind)).toEqual([
      AttachmentKind.SPTJM_PASANGAN_SUAMI_ISTRI,
    ]);
    expect(parentsClause(BirthParents.MARRIED, undefined, 'SITI')).toBe('dari ayah  dan ibu SITI');
    expect(parentsClause(BirthParents.MARRIAGE_NOT_RECORDED, undefined, 'SITI')).toMatch(/^dari ayah {2}dan/);
  });

  it('expects the birth letter, or without it the SPTJM on the birth data', () => {
    expect(birthEvidence('474/12/2026').kind).toBe(AttachmentKind.SURAT_KETERANGAN_LAHIR);
    expect(birthEvidence(undefined).kind).toBe(AttachmentKind.SPTJM_DATA_KELAHIRAN);
  });

  it('lets only a birth without a doctor or midwife come without a letter', () => {
    expect(mayLackBirthLetter({ child: { attendant: 'DUKUN' } })).toBe(true);
    expect(mayLackBirthLetter({ child: { attendant: 'LAINNYA' } })).toBe(true);
    expect(mayLackBirthLetter({ child: { attendant: 'BIDAN' } })).toBe(false);
    expect(mayLackBirthLetter({})).toBe(false);
  });
});

describe('newbornRelationship', () => {
  it('is ANAK of the head or spouse, CUCU of a child or child-in-law, FAMILI_LAIN otherwise', () => {
    expect(newbornRelationship([Relationship.KEPALA_KELUARGA, Relationship.ISTRI])).toBe(Relationship.ANAK);
    expect(newbornRelationship([Relationship.ISTRI])).toBe(Relationship.ANAK);
    expect(newbornRelationship([Relationship.ANAK, Relationship.MENANTU])).toBe(Relationship.CUCU);
    expect(newbornRelationship([Relationship.MENANTU])).toBe(Relationship.CUCU);
    expect(newbornRelationship([Relationship.FAMILI_LAIN])).toBe(Relationship.FAMILI_LAIN);
    expect(newbornRelationship([])).toBe(Relationship.FAMILI_LAIN);
  });
});
