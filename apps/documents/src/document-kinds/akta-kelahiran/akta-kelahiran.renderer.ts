import { BirthParents, dateToWords, NOT_RECORDED_CLAUSE, numberToWords } from '#lib/domain';
import { fact, form, renderKutipanAkta, type SentencePart } from '../../rendering/kutipan-akta-layout.js';
import { sexLabel, upper } from '../../rendering/print-labels.js';
import type { AktaKelahiranModel } from './akta-kelahiran.model.js';

/**
 * Kutipan Akta Kelahiran on A4 portrait (the shared page of `rendering/kutipan-akta-layout.ts`):
 * the child's NIK, then the official sentence "Berdasarkan Akta Kelahiran Nomor … bahwa di … pada
 * tanggal … telah lahir … anak ke-…, … dari ayah … dan ibu …", whose end names the parents as
 * their marriage allows (DOMAIN.md "Parents on the birth record", Permendagri 9/2016).
 */
export async function renderAktaKelahiran(model: AktaKelahiranModel): Promise<Buffer> {
  return renderKutipanAkta({
    ...model,
    title: 'KUTIPAN AKTA KELAHIRAN',
    documentTitle: `Kutipan Akta Kelahiran Nomor ${model.certificateNumber}`,
    subject: 'Kutipan Akta Kelahiran',
    nik: model.childNik,
    sentence: [
      [form('Berdasarkan Akta Kelahiran Nomor '), fact(model.certificateNumber)],
      [form('bahwa di '), fact(upper(model.birthPlace))],
      [form('pada tanggal '), fact(dateToWords(model.birthDate))],
      [form('telah lahir '), fact(upper(model.childName))],
      [form('anak ke-'), fact(numberToWords(model.birthOrder)), form(', '), fact(sexLabel(model.sex))],
      ...parentLines(model),
    ],
  });
}

function parentLines(model: AktaKelahiranModel): SentencePart[][] {
  const mother = fact(upper(model.motherName));
  if (model.parents === BirthParents.MOTHER_ONLY || model.fatherName === undefined) {
    return [[form('dari ibu '), mother]];
  }
  const father = [form('dari ayah '), fact(upper(model.fatherName))];
  if (model.parents === BirthParents.MARRIED) return [father, [form('dan ibu '), mother]];
  return [father, [form('dan ibu '), mother, form(',')], [form(NOT_RECORDED_CLAUSE)]];
}
