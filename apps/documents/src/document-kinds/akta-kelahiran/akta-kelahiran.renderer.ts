import { dateToWords, numberToWords } from '#lib/domain';
import { fact, form, renderKutipanAkta } from '../../rendering/kutipan-akta-layout.js';
import { sexLabel, upper } from '../../rendering/print-labels.js';
import type { AktaKelahiranModel } from './akta-kelahiran.model.js';

/**
 * Kutipan Akta Kelahiran on A4 portrait (the shared page of `rendering/kutipan-akta-layout.ts`):
 * the number under the title, the child's NIK, and the sentence of the birth.
 */
export async function renderAktaKelahiran(model: AktaKelahiranModel): Promise<Buffer> {
  return renderKutipanAkta({
    ...model,
    title: 'KUTIPAN AKTA KELAHIRAN',
    numberLine: `Nomor ${model.certificateNumber}`,
    documentTitle: `Kutipan Akta Kelahiran Nomor ${model.certificateNumber}`,
    subject: 'Kutipan Akta Kelahiran',
    nik: model.childNik,
    sentence: [
      [form('Bahwa di '), fact(upper(model.birthPlace))],
      [form('pada tanggal '), fact(dateToWords(model.birthDate))],
      [form('telah lahir '), fact(upper(model.childName))],
      [form('anak ke-'), fact(numberToWords(model.birthOrder)), form(' , '), fact(sexLabel(model.sex)), form(',')],
      [form('dari ayah '), fact(upper(model.fatherName))],
      [form('dan ibu '), fact(upper(model.motherName))],
    ],
  });
}
