import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { WorkerPool } from '#lib/platform/workers';
import { checkChunk, type CheckedChunk, type ChunkCheckJob } from '../apps/identity/src/import/chunk-check.js';
import { readImportHeader } from '../apps/identity/src/import/import-layout.js';
import { ensureServerBuilt, ROOT } from './support/server-build.js';

/**
 * Identity's import checks chunks in worker threads (chunk-checker.ts). A worker thread cannot
 * load TypeScript, so the service run by jest checks in its own thread; this runs the compiled
 * worker of dist/ (built first when stale) and holds its answers to the ones checked here.
 */
describe('import chunk workers (compiled)', () => {
  let pool: WorkerPool<ChunkCheckJob, CheckedChunk>;

  beforeAll(async () => {
    ensureServerBuilt();
    const file = pathToFileURL(path.join(ROOT, 'dist/apps/identity/src/import/chunk-check.worker.js'));
    pool = new WorkerPool(file, 2);
    await pool.start();
  });
  afterAll(() => pool.close());

  it('answers as the service thread does, for the API layout and a SIAK export, two chunks at once', async () => {
    const sample = readFileSync(path.join(ROOT, 'docs/samples/siak-export-oki.csv'), 'utf8');
    const end = sample.indexOf('\n');
    const siak: ChunkCheckJob = {
      layout: readImportHeader(sample.slice(0, end).replace(/\r$/, '')),
      text: sample.slice(end + 1),
      firstLine: 2,
      regencyCode: '16.02',
    };
    const header =
      'nik,fullName,sex,birthPlace,birthDate,religion,education,occupation,bloodType,maritalStatus,relationship,citizenship,fatherName,motherName,status,familyCardNumber,address,rt,rw,villageCode,postalCode';
    const row = (nik: string, sex: string, birthDate: string): string =>
      `${nik},Siti Aminah,${sex},Kayu Agung,${birthDate},ISLAM,SLTA/SEDERAJAT,PETANI/PEKEBUN,O,BELUM_KAWIN,ANAK,WNI,AHMAD,FATIMAH,ACTIVE,1602050505120001,"JL. MERDEKA, NO. 1",1,2,16.02.05.1002,30611`;
    const api: ChunkCheckJob = {
      layout: readImportHeader(header),
      text: [
        row('1602054101900001', 'PEREMPUAN', '1990-01-01'),
        row('1602050101900001', 'PEREMPUAN', '1990-01-01'),
      ].join('\n'),
      firstLine: 2,
    };

    const [fromSiak, fromApi] = await Promise.all([pool.run(siak), pool.run(api)]);
    expect(fromSiak).toEqual(checkChunk(siak));
    expect(fromApi).toEqual(checkChunk(api));
    expect(fromSiak.lines.length).toBeGreaterThan(0);
    expect(fromApi.lines).toEqual([2]);
    expect(fromApi.rejections).toEqual([{ line: 3, errors: [expect.objectContaining({ field: 'sex' })] }]);
  });
});
