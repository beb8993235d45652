// Lints an OpenAPI document with Spectral and the ruleset of .spectral.mjs, offline (the CLI would
// fetch a ruleset named by package from the network). Prints each finding; exit 1 on any error.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import spectralCore from '@stoplight/spectral-core';
import Parsers from '@stoplight/spectral-parsers';

const { Document, Spectral } = spectralCore;
const [file = 'docs/openapi.json'] = process.argv.slice(2);
const ruleset = (await import(pathToFileURL(path.resolve('.spectral.mjs')).href)).default;
const spectral = new Spectral();
spectral.setRuleset(ruleset);
const results = await spectral.run(new Document(readFileSync(file, 'utf8'), Parsers.Json, file));
const SEVERITY = ['error', 'warning', 'info', 'hint'];
for (const result of results) {
  const where = result.path.join('.');
  console.log(`${SEVERITY[result.severity]} ${result.code} ${where}: ${result.message}`);
}
const errors = results.filter((result) => result.severity === 0).length;
console.log(`spectral: ${errors} errors, ${results.length - errors} warnings and notes`);
process.exit(errors > 0 ? 1 : 0);
