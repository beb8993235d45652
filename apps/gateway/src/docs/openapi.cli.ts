import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { previewOpenApiDocument } from './openapi-preview.js';

/** `npm run openapi` (scripts/openapi.mjs): writes the gateway's OpenAPI document to the given file. */
async function main(output: string): Promise<void> {
  const document = await previewOpenApiDocument();
  writeFileSync(output, `${JSON.stringify(document, null, 2)}\n`);
}

main(process.argv[2] ?? 'docs/openapi.json').catch((error: unknown) => {
  process.stderr.write(`${String((error as Error)?.stack ?? error)}\n`);
  process.exit(1);
});
