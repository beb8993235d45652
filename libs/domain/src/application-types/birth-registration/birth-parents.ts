import { MaritalStatus, Relationship } from '../../enums/population.js';
import { AttachmentKind, type ExpectedEvidence } from '../../enums/services.js';
import { BirthAttendant } from './birth-registration.type.js';

/**
 * The parents on a birth record (DOMAIN.md "Parents on the birth record", Permendagri 9/2016):
 * which of the akta's three sentences applies, and which evidence the clerk must see for it.
 */
export const BirthParents = {
  /** Father and mother, their marriage recorded (buku nikah / akta perkawinan). */
  MARRIED: 'MARRIED',
  /** Father and mother, their marriage not recorded: SPTJM on the truth of being husband and wife. */
  MARRIAGE_NOT_RECORDED: 'MARRIAGE_NOT_RECORDED',
  /** No father named: the akta names the mother only. */
  MOTHER_ONLY: 'MOTHER_ONLY',
} as const;
export type BirthParents = (typeof BirthParents)[keyof typeof BirthParents];

/** Which sentence: from whether a father is named and both parents' marital status. */
export function birthParentsOf(
  father: { maritalStatus: MaritalStatus } | undefined,
  mother: { maritalStatus: MaritalStatus },
): BirthParents {
  if (father === undefined) return BirthParents.MOTHER_ONLY;
  return father.maritalStatus === MaritalStatus.KAWIN_TERCATAT && mother.maritalStatus === MaritalStatus.KAWIN_TERCATAT
    ? BirthParents.MARRIED
    : BirthParents.MARRIAGE_NOT_RECORDED;
}

/** The end of the akta's sentence that names the parents. */
export function parentsClause(parents: BirthParents, fatherName: string | undefined, motherName: string): string {
  switch (parents) {
    case BirthParents.MOTHER_ONLY:
      return `dari ibu ${motherName}`;
    case BirthParents.MARRIED:
      return `dari ayah ${fatherName ?? ''} dan ibu ${motherName}`;
    case BirthParents.MARRIAGE_NOT_RECORDED:
      return `dari ayah ${fatherName ?? ''} dan ibu ${motherName}, ${NOT_RECORDED_CLAUSE}`;
  }
}

/** Permendagri 9/2016's words for parents whose marriage is not recorded. */
export const NOT_RECORDED_CLAUSE =
  'yang perkawinannya belum tercatat sesuai dengan ketentuan peraturan perundang-undangan';

/** The evidence the clerk must see for the parents named. */
export function parentsEvidence(parents: BirthParents): ExpectedEvidence[] {
  switch (parents) {
    case BirthParents.MOTHER_ONLY:
      return [];
    case BirthParents.MARRIED:
      return [
        {
          kind: AttachmentKind.BUKU_NIKAH,
          reason: 'Buku nikah/akta perkawinan orang tua diperlukan: perkawinan tercatat',
        },
      ];
    case BirthParents.MARRIAGE_NOT_RECORDED:
      return [
        {
          kind: AttachmentKind.SPTJM_PASANGAN_SUAMI_ISTRI,
          reason:
            'SPTJM kebenaran sebagai pasangan suami istri diperlukan: perkawinan orang tua belum tercatat (akta memuat kalimat perkawinan belum tercatat)',
        },
      ];
  }
}

/**
 * A birth with no surat keterangan lahir (the SPTJM route): only one attended by a dukun or
 * another non-medical helper, as no doctor or midwife issued a letter.
 */
export function mayLackBirthLetter(birth: { child?: { attendant?: string } }): boolean {
  const attendant = birth.child?.attendant;
  return attendant === BirthAttendant.DUKUN || attendant === BirthAttendant.LAINNYA;
}

/** The evidence of the birth itself: the letter, or without one the SPTJM on the birth's data. */
export function birthEvidence(birthLetterNumber: string | undefined): ExpectedEvidence {
  return birthLetterNumber === undefined
    ? {
        kind: AttachmentKind.SPTJM_DATA_KELAHIRAN,
        reason: 'SPTJM kebenaran data kelahiran diperlukan: tidak ada surat keterangan lahir',
      }
    : { kind: AttachmentKind.SURAT_KETERANGAN_LAHIR, reason: 'Surat keterangan lahir diperlukan' };
}

/**
 * The newborn's place in the KK (DOMAIN.md): ANAK when a parent heads the family or is its
 * SUAMI/ISTRI, CUCU when a parent is ANAK or MENANTU, otherwise FAMILI_LAIN.
 */
export function newbornRelationship(parentRelationships: readonly Relationship[]): Relationship {
  const closest = (wanted: readonly Relationship[]): boolean => parentRelationships.some((r) => wanted.includes(r));
  if (closest([Relationship.KEPALA_KELUARGA, Relationship.SUAMI, Relationship.ISTRI])) return Relationship.ANAK;
  if (closest([Relationship.ANAK, Relationship.MENANTU])) return Relationship.CUCU;
  return Relationship.FAMILI_LAIN;
}
