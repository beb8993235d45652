import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import {
  SIAK_BLOOD_TYPE,
  SIAK_EDUCATION,
  SIAK_EXPORT_COLUMNS,
  SIAK_OCCUPATION,
} from '../src/reference/siak-lists.data.js';

// Beside the generator rather than in src/: libs/domain/src reads no files, not even in tests.
describe('the generated SIAK lists', () => {
  it('are exactly the data of siak-lists.json (regenerate with libs/domain/tools/generate-siak-lists.mjs)', () => {
    const json = JSON.parse(
      readFileSync(new URL('../src/reference/siak-lists.json', import.meta.url), 'utf8'),
    ) as Record<string, unknown>;
    expect(SIAK_EDUCATION).toEqual(json.education);
    expect(SIAK_OCCUPATION).toEqual(json.occupation);
    expect(SIAK_BLOOD_TYPE).toEqual(json.bloodType);
    expect(SIAK_EXPORT_COLUMNS).toEqual(json.siakExportColumns);
  });
});
