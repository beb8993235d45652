#!/usr/bin/env node
// `npm run openapi`: compiles the gateway, writes the OpenAPI document it serves to
// docs/openapi.json (committed: a diff shows any contract change), lints it with Redocly CLI
// (redocly.yaml) and Spectral with the OWASP ruleset (.spectral.mjs), and generates the web's
// API types from it (apps/web/src/api/types.ts). `--check` writes nothing and fails when the
// committed files differ from what the code produces.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as prettier from 'prettier';

const check = process.argv.includes('--check');
const DOCUMENT = 'docs/openapi.json';
const WEB_TYPES = 'apps/web/src/api/types.ts';

function run(step, command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) {
    console.error(`openapi: ${step} failed`);
    process.exit(result.status ?? 1);
  }
}

const node = process.execPath;
run('compile', node, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json']);
const scratch = mkdtempSync(path.join(tmpdir(), 'openapi-'));
const document = path.join(scratch, 'openapi.json');
run('document', node, ['dist/apps/gateway/src/docs/openapi.cli.js', document]);
// In the repository's format, so that \`npm run format:check\` and the diff stay quiet.
const prettierOptions = { ...(await prettier.resolveConfig(DOCUMENT)), filepath: DOCUMENT };
writeFileSync(document, await prettier.format(readFileSync(document, 'utf8'), prettierOptions));
run('lint', node, ['scripts/openapi-lint.mjs', document]);
const types = path.join(scratch, 'types.ts');
run('web types', node, ['scripts/lib/web-api-types.mjs', document, types]);

const outputs = [
  [document, DOCUMENT],
  [types, WEB_TYPES],
];
let stale = false;
for (const [produced, committed] of outputs) {
  const fresh = readFileSync(produced, 'utf8');
  let current = '';
  try {
    current = readFileSync(committed, 'utf8');
  } catch {
    // not there yet
  }
  if (fresh === current) continue;
  if (check) {
    console.error(`openapi: ${committed} is not what the code produces: run npm run openapi`);
    stale = true;
  } else {
    writeFileSync(committed, fresh);
    console.log(`openapi: wrote ${committed}`);
  }
}
process.exit(stale ? 1 : 0);
