import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TERMS } from './glossary.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'testing' ? [] : sources(full);
    return /\.tsx?$/.test(entry.name) && !/\.(spec|int-spec)\.ts$/.test(entry.name) ? [full] : [];
  });
}

/** The code without its comments (which may name the jargon to forbid it). */
const withoutComments = (text: string): string =>
  text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');

describe('the words a resident reads', () => {
  it('the glossary explains every term in a sentence or two', () => {
    for (const entry of Object.values(TERMS)) {
      expect(entry.explanation.length).toBeGreaterThan(20);
      expect(entry.explanation.length).toBeLessThan(300);
    }
  });

  it('no page says "Adminduk", "database" or "empat mata"', () => {
    const found = sources(path.join(ROOT, 'apps/web/src')).flatMap((file) =>
      withoutComments(readFileSync(file, 'utf8'))
        .split('\n')
        .filter((line) => /adminduk|database|empat mata/i.test(line))
        .map((line) => `${path.relative(ROOT, file)}: ${line.trim()}`),
    );
    expect(found).toEqual([]);
  });

  it('no message the services send says "database kependudukan", "Adminduk" or "empat mata"', () => {
    const dirs = [
      'libs/domain/src',
      'apps/applications/src',
      'apps/identity/src',
      'apps/documents/src',
      'apps/gateway/src',
    ];
    const found = dirs
      .flatMap((dir) => sources(path.join(ROOT, dir)))
      .flatMap((file) =>
        [...withoutComments(readFileSync(file, 'utf8')).matchAll(/(['"`])((?:(?!\1)[^\\\n]|\\.)*)\1/g)]
          .map((literal) => literal[2] ?? '')
          .filter((text) => /adminduk|database kependudukan|empat mata/i.test(text) && !/^https?:/.test(text))
          .map((text) => `${path.relative(ROOT, file)}: ${text}`),
      );
    expect(found).toEqual([]);
  });
});
