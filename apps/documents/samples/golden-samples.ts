import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { BirthParents, Relationship, Sex } from '#lib/domain';
import { buildAktaKematian } from '../src/document-kinds/akta-kematian/akta-kematian.factory.js';
import { renderAktaKematian } from '../src/document-kinds/akta-kematian/akta-kematian.renderer.js';
import { renderAktaKelahiran } from '../src/document-kinds/akta-kelahiran/akta-kelahiran.renderer.js';
import { renderKartuKeluarga } from '../src/document-kinds/kartu-keluarga/kartu-keluarga.renderer.js';
import {
  buildAktaKelahiran,
  buildKartuKeluarga,
  buildMember,
  demoFamilyMembers,
  manyMembers,
  syntheticNik,
} from '../src/rendering/testing/document-factories.js';

/**
 * The golden document set (issue #14): one sample per document kind and variant, rendered from
 * fixed, invented data so that a sample changes only when a document's wording or layout does.
 * `npm run samples` writes each to docs/samples/<name>.pdf with a PNG of page 1 and the text
 * pdftotext reads from it (<name>.txt); `golden-samples.spec.ts` renders them again and compares
 * that text, so a change of wording is always a visible diff of a .txt file.
 */

export interface GoldenSample {
  name: string;
  /** What the sample shows, for the README of docs/samples. */
  description: string;
  render(common: SampleCommon): Promise<Buffer>;
}

/** What every sample shares: the signing certificate's issuer, the QR address. */
export interface SampleCommon {
  certificateIssuer?: string;
  verificationUrl: (token: string) => string;
}

const ISSUED = '2026-01-28';

/** The development certificate's issuer, named in every sample's footnote. */
export const SAMPLE_CERTIFICATE_ISSUER = 'Disdukcapil Kabupaten Ogan Komering Ilir (DEV)';

export function sampleVerificationUrl(token: string): string {
  return `https://adminduk.example.id/verifikasi/${token}`;
}

const run = promisify(execFile);

/**
 * The text of a sample as compared: `pdftotext -layout`, trailing spaces and the page-feed
 * characters removed so that the file diffs cleanly.
 */
export async function sampleText(path: string): Promise<string> {
  const { stdout } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'], { maxBuffer: 16 * 1024 * 1024 });
  return `${stdout
    .replaceAll('\f', '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trimEnd()}\n`;
}

/** A family whose head is a grandparent: the newborn's mother is ANAK, the newborn CUCU. */
function familyWithGrandchild() {
  const [head, wife] = demoFamilyMembers();
  const daughter = buildMember({
    fullName: 'Nadia Putri Hartono',
    nik: syntheticNik('1999-09-30', Sex.PEREMPUAN, 9921),
    sex: Sex.PEREMPUAN,
    birthDate: '1999-09-30',
    relationship: Relationship.ANAK,
    maritalStatus: 'KAWIN_TERCATAT',
    marriageDate: '2024-06-15',
    fatherName: head.fullName,
    motherName: wife.fullName,
  });
  const sonInLaw = buildMember({
    fullName: 'Fajar Ramadhan',
    nik: syntheticNik('1997-02-11', Sex.LAKI_LAKI, 9922),
    sex: Sex.LAKI_LAKI,
    birthDate: '1997-02-11',
    relationship: Relationship.MENANTU,
    maritalStatus: 'KAWIN_TERCATAT',
    marriageDate: '2024-06-15',
    occupation: 'KARYAWAN SWASTA',
    education: 'DIPLOMA IV/STRATA I',
    fatherName: 'Ahmad Ramadhan',
    motherName: 'Sri Wahyuni',
  });
  const grandchild = buildMember({
    fullName: 'Alya Ramadhani',
    nik: syntheticNik('2026-01-20', Sex.PEREMPUAN, 9923),
    sex: Sex.PEREMPUAN,
    birthDate: '2026-01-20',
    relationship: Relationship.CUCU,
    fatherName: sonInLaw.fullName,
    motherName: daughter.fullName,
  });
  return [head, wife, daughter, sonInLaw, grandchild];
}

export const GOLDEN_SAMPLES: readonly GoldenSample[] = [
  {
    name: 'kartu-keluarga',
    description:
      'Kartu Keluarga of five with long values (KEPERCAYAAN TERHADAP TUHAN YME, AKADEMI/DIPLOMA III/S. MUDA)',
    render: ({ certificateIssuer, verificationUrl }) =>
      renderKartuKeluarga(
        buildKartuKeluarga({
          certificateIssuer,
          issuedAt: ISSUED,
          documentNumber: 'KK-2026-000042',
          verificationUrl: verificationUrl('hW3kQ9xY2bLmN7pR4tV8zA'),
        }),
      ),
  },
  {
    name: 'kartu-keluarga-13-anggota',
    description: 'Kartu Keluarga of thirteen members over two pages, the signature block after the last rows',
    render: ({ certificateIssuer, verificationUrl }) =>
      renderKartuKeluarga(
        buildKartuKeluarga({
          members: manyMembers(13),
          certificateIssuer,
          issuedAt: ISSUED,
          documentNumber: 'KK-2026-000043',
          verificationUrl: verificationUrl('mK8nB2vC5xZ1aS4dF7gH0j'),
        }),
      ),
  },
  {
    name: 'kartu-keluarga-cucu',
    description: 'Kartu Keluarga headed by a grandparent, with a MENANTU and a CUCU',
    render: ({ certificateIssuer, verificationUrl }) =>
      renderKartuKeluarga(
        buildKartuKeluarga({
          members: familyWithGrandchild(),
          certificateIssuer,
          issuedAt: ISSUED,
          documentNumber: 'KK-2026-000044',
          verificationUrl: verificationUrl('qW1eR2tY3uI4oP5aS6dF7g'),
        }),
      ),
  },
  {
    name: 'kutipan-akta-kelahiran',
    description: 'Kutipan Akta Kelahiran, parents with a recorded marriage',
    render: ({ certificateIssuer, verificationUrl }) =>
      renderAktaKelahiran(
        buildAktaKelahiran({ certificateIssuer, verificationUrl: verificationUrl('Jd6sF1gH5kL0qW3eR8tY2u') }),
      ),
  },
  {
    name: 'kutipan-akta-kelahiran-sptjm',
    description: 'Kutipan Akta Kelahiran, parents whose marriage is not recorded (SPTJM)',
    render: ({ certificateIssuer, verificationUrl }) =>
      renderAktaKelahiran(
        buildAktaKelahiran({
          parents: BirthParents.MARRIAGE_NOT_RECORDED,
          birthOrder: 1,
          fatherName: 'Fajar Ramadhan',
          motherName: 'Nadia Putri Hartono',
          childName: 'Alya Ramadhani',
          certificateIssuer,
          verificationUrl: verificationUrl('Zx9cV8bN7mA6sD5fG4hJ3k'),
        }),
      ),
  },
  {
    name: 'kutipan-akta-kelahiran-ibu',
    description: 'Kutipan Akta Kelahiran naming the mother only',
    render: ({ certificateIssuer, verificationUrl }) => {
      const { fatherName: _none, ...model } = buildAktaKelahiran({
        parents: BirthParents.MOTHER_ONLY,
        birthOrder: 1,
        motherName: 'Maya Sari',
        childName: 'Bintang Sari Permata',
        certificateIssuer,
        verificationUrl: verificationUrl('Lk2jH3gF4dS5aQ6wE7rT8y'),
      });
      return renderAktaKelahiran(model);
    },
  },
  ...(['Putra Andika', 'Putri Andika'] as const).map((childName, index): GoldenSample => ({
    name: `kutipan-akta-kelahiran-kembar-${index + 1}`,
    description: `Kutipan Akta Kelahiran of twin ${index + 1} (${childName.toUpperCase()}), both the second child`,
    render: ({ certificateIssuer, verificationUrl }) =>
      renderAktaKelahiran(
        buildAktaKelahiran({
          childName,
          sex: index === 0 ? Sex.LAKI_LAKI : Sex.PEREMPUAN,
          childNik: syntheticNik('2026-01-25', index === 0 ? Sex.LAKI_LAKI : Sex.PEREMPUAN, 9931 + index),
          birthOrder: 2,
          certificateNumber: `1602-LU-28012026-000${index + 2}`,
          certificateIssuer,
          verificationUrl: verificationUrl(`Tw${index + 1}nS7aM8pL9eQ0rW1tY2uI`),
        }),
      ),
  })),
  {
    name: 'kutipan-akta-kelahiran-nilai-panjang',
    description: 'Kutipan Akta Kelahiran with a sixty-character name and a long place: lines wrap, never shrink',
    render: ({ certificateIssuer, verificationUrl }) =>
      renderAktaKelahiran(
        buildAktaKelahiran({
          childName: 'Muhammad Alfarizqi Ramadhan Putra Pratama Wijayakusuma Hartono',
          birthPlace: 'Rumah Sakit Umum Daerah Kayuagung Ogan Komering Ilir',
          birthDate: '2025-09-28',
          birthOrder: 12,
          sex: Sex.LAKI_LAKI,
          parents: BirthParents.MARRIAGE_NOT_RECORDED,
          certificateIssuer,
          verificationUrl: verificationUrl('Np0oI9uY8tR7eW6qA5sD4f'),
        }),
      ),
  },
  {
    name: 'kutipan-akta-kematian',
    description: 'Kutipan Akta Kematian (death registration)',
    render: ({ certificateIssuer, verificationUrl }) =>
      renderAktaKematian(
        buildAktaKematian({
          certificateIssuer,
          certificateNumber: '1602-KM-28012026-0001',
          dateOfDeath: '2026-01-25',
          timeOfDeath: '04:30',
          issuedAt: ISSUED,
          verificationUrl: verificationUrl('Pq2wE7rT1yU6iO9pA4sD3f'),
        }),
      ),
  },
];
