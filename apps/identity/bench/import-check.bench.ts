import { parseArgs, positiveInteger } from '../src/seed/cli-args.js';
import { PopulationGenerator } from '../src/seed/population-generator.js';
import { checkChunk, type ChunkCheckJob } from '../src/import/chunk-check.js';
import { readImportHeader } from '../src/import/import-layout.js';
import { IMPORT_COLUMNS } from '../src/import/resident-row.js';
import { installIdnAreaRegions } from '#lib/platform/regions';

/**
 * `npm run bench:import-check [-- --rows 200000]`: what reading and checking an import's rows
 * costs in one thread — the work identity's import worker threads do for every chunk
 * (chunk-check.ts), without the upload, NATS or PostgreSQL around it. Synthetic rows, cut into
 * chunks of the gateway's size, checked four times over; prints microseconds per row.
 */
installIdnAreaRegions();

const CHUNK_BYTES = 384 * 1024;

function chunksOf(rows: number): Array<Omit<ChunkCheckJob, 'layout'>> {
  const generator = new PopulationGenerator({ regencyCode: '16.02', seed: 4242 });
  const chunks: Array<Omit<ChunkCheckJob, 'layout'>> = [];
  let lines: string[] = [];
  let bytes = 0;
  let firstLine = 2;
  let line = 2;
  for (const family of generator.families(rows)) {
    for (const person of family.members) {
      const values: Record<string, string | undefined> = { ...person, ...family, members: undefined };
      const text = IMPORT_COLUMNS.map((column) => values[column] ?? '').join(',');
      lines.push(text);
      bytes += text.length + 1;
      line++;
      if (bytes >= CHUNK_BYTES) {
        chunks.push({ text: `${lines.join('\n')}\n`, firstLine });
        firstLine = line;
        lines = [];
        bytes = 0;
      }
    }
  }
  if (lines.length > 0) chunks.push({ text: `${lines.join('\n')}\n`, firstLine });
  return chunks;
}

const rows = positiveInteger(parseArgs(process.argv.slice(2)), 'rows', 200_000);
const layout = readImportHeader(IMPORT_COLUMNS.join(','));
const chunks = chunksOf(rows);
for (let round = 1; round <= 4; round++) {
  const started = performance.now();
  let valid = 0;
  let rejected = 0;
  for (const chunk of chunks) {
    const checked = checkChunk({ layout, ...chunk });
    valid += checked.lines.length;
    rejected += checked.rejections.length;
  }
  const micros = ((performance.now() - started) * 1000) / (valid + rejected);
  process.stdout.write(
    `round ${round}: ${valid + rejected} rows in ${chunks.length} chunks (${valid} valid, ${rejected} rejected): ${micros.toFixed(2)} µs a row\n`,
  );
}
