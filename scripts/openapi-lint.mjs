#!/usr/bin/env node
// `npm run openapi:lint [file]`: lints the OpenAPI document (default docs/openapi.json) with Redocly
// CLI's recommended rules (redocly.yaml) and Spectral's OpenAPI and OWASP rules (.spectral.mjs),
// offline. Part of `npm run check`; `npm run openapi` runs it on the document it writes.
import { spawnSync } from 'node:child_process';

const [file = 'docs/openapi.json'] = process.argv.slice(2);

function run(step, args, env = {}) {
  const result = spawnSync(process.execPath, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`openapi:lint: ${step} found errors in ${file}`);
    process.exit(result.status ?? 1);
  }
}

run(
  'Redocly',
  ['node_modules/@redocly/cli/bin/cli.js', 'lint', file, '--config', 'redocly.yaml', '--format', 'stylish'],
  {
    REDOCLY_TELEMETRY: 'off',
    REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
  },
);
run('Spectral', ['scripts/lib/spectral-lint.mjs', file]);
