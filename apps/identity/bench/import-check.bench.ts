import { parseArgs, positiveInteger } from '../src/seed/cli-args.js';
import { syntheticImportCsv } from '../src/seed/synthetic-import.js';
import { checkChunk, type ChunkCheckJob } from '../src/import/chunk-check.js';
import { readImportHeader } from '../src/import/import-layout.js';
import { installIdnAreaRegions } from '#lib/platform/regions';

/**
 * `npm run bench:import-check [-- --rows 200000]`: what reading and checking an import's rows
 * costs in one thread — the work identity's import worker threads do for every chunk
 * (chunk-check.ts), without the upload, NATS or PostgreSQL around it. Synthetic rows, cut into
 * chunks of the gateway's size, checked four times over; prints microseconds per row.
 */
installIdnAreaRegions();

const CHUNK_BYTES = 384 * 1024;

/** The file's lines cut into chunks of about the gateway's size, each with its first line's number. */
function chunksOf(lines: readonly string[]): Array<Omit<ChunkCheckJob, 'layout'>> {
  const chunks: Array<Omit<ChunkCheckJob, 'layout'>> = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < lines.length; i++) {
    bytes += lines[i].length + 1;
    if (bytes >= CHUNK_BYTES || i === lines.length - 1) {
      // Line 1 is the header: the file's line numbers of its rows start at 2.
      chunks.push({ text: `${lines.slice(start, i + 1).join('\n')}\n`, firstLine: start + 2 });
      start = i + 1;
      bytes = 0;
    }
  }
  return chunks;
}

const rows = positiveInteger(parseArgs(process.argv.slice(2)), 'rows', 200_000);
const { header, lines } = syntheticImportCsv(rows, '16.02');
const layout = readImportHeader(header);
const chunks = chunksOf(lines);
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
