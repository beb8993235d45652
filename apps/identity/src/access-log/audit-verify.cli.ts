import 'reflect-metadata';
import { parseArgs } from '../seed/cli-args.js';
import { DEFAULT_IDENTITY_DATABASE_URL } from '../seed/seed-population.js';
import { auditAccessLog, describeFinding } from './access-log-audit.runner.js';

/**
 * `npm run audit:verify [-- --database-url URL]`: checks the access log's hash chain and lists
 * every altered, inserted or deleted entry. Exit code 0 when the log is intact, 2 when it is not
 * (1 when the check itself failed), so a scheduler can alert on it.
 */
async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const databaseUrl = args.get('database-url') ?? process.env['DATABASE_URL'] ?? DEFAULT_IDENTITY_DATABASE_URL;
  const started = performance.now();
  const report = await auditAccessLog(databaseUrl);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `Log akses: ${report.rows} entri diperiksa dalam ${seconds} s; kepala rantai urutan ${report.head.seq}\n`,
  );
  if (report.findings.length === 0) {
    process.stdout.write('UTUH: rantai hash log akses tidak berubah\n');
    return;
  }
  for (const finding of report.findings) process.stdout.write(`${describeFinding(finding)}\n`);
  process.stdout.write(`TIDAK UTUH: ${report.findings.length} temuan\n`);
  process.exitCode = 2;
}

main().catch((error: unknown) => {
  process.stderr.write(`audit:verify gagal: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
