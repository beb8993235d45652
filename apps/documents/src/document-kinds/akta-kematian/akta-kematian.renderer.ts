import { dateToWords, formatIndonesianDate } from '#lib/domain';
import { fact, form, renderKutipanAkta } from '../../rendering/kutipan-akta-layout.js';
import { sexLabel, upper } from '../../rendering/print-labels.js';
import type { AktaKematianModel } from './akta-kematian.model.js';

/**
 * Kutipan Akta Kematian on A4 portrait, in the style of the akta kelahiran (the shared page of
 * `kutipan-akta-layout.ts`): the deceased's NIK, then "Berdasarkan Akta Kematian Nomor … bahwa
 * di … pada tanggal … telah meninggal dunia …", their sex and place and date of birth.
 */
export async function renderAktaKematian(model: AktaKematianModel): Promise<Buffer> {
  // The time on a line of its own: beside the longest date in words it would shrink the line.
  const time = model.timeOfDeath === undefined ? [] : [[form('pukul '), fact(model.timeOfDeath)]];
  return renderKutipanAkta({
    ...model,
    title: 'KUTIPAN AKTA KEMATIAN',
    documentTitle: `Kutipan Akta Kematian Nomor ${model.certificateNumber}`,
    subject: 'Kutipan Akta Kematian',
    nik: model.deceasedNik,
    sentence: [
      [form('Berdasarkan Akta Kematian Nomor '), fact(model.certificateNumber)],
      [form('bahwa di '), fact(upper(model.placeOfDeath))],
      [form('pada tanggal '), fact(dateToWords(model.dateOfDeath))],
      ...time,
      [form('telah meninggal dunia '), fact(upper(model.deceasedName))],
      [form('jenis kelamin '), fact(sexLabel(model.sex)), form(',')],
      [
        form('lahir di '),
        fact(upper(model.birthPlace)),
        form(' pada tanggal '),
        fact(upper(formatIndonesianDate(model.birthDate, 'long'))),
      ],
    ],
  });
}
