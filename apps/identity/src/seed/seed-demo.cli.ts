import { describeDemo, seedDemo } from './demo-seed.js';
import { DEFAULT_IDENTITY_DATABASE_URL } from './seed-population.js';
import { installIdnAreaRegions } from '#lib/platform/regions';

// libs/domain does no I/O: this process hands it the idn-area-data regions first.
installIdnAreaRegions();

/** Called by `npm start` once the system is healthy: loads the demo data and prints the accounts. */
async function main(): Promise<void> {
  const databaseUrl = process.env['DATABASE_URL'] ?? DEFAULT_IDENTITY_DATABASE_URL;
  const result = await seedDemo({ databaseUrl });
  for (const line of describeDemo(result)) process.stdout.write(`${line}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`demo seed failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
