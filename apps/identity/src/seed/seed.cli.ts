import { parseArgs, positiveInteger } from './cli-args.js';
import { DEFAULT_IDENTITY_DATABASE_URL, seedPopulation } from './seed-population.js';
import { installIdnAreaRegions } from '#lib/platform/regions';

// libs/domain does no I/O: this process hands it the idn-area-data regions first.
installIdnAreaRegions();

/**
 * `npm run seed -- --regency 16.02 --people 800000 [--seed 1] [--database-url URL]`: a synthetic
 * population (never real people) written straight into the identity database.
 */
async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const regencyCode = args.get('regency') ?? '16.02';
  const people = positiveInteger(args, 'people', 10_000);
  const seed = positiveInteger(args, 'seed', 1);
  const databaseUrl = args.get('database-url') ?? process.env['DATABASE_URL'] ?? DEFAULT_IDENTITY_DATABASE_URL;
  process.stdout.write(`Seeding ${people} synthetic people of regency ${regencyCode} (seed ${seed})…\n`);
  const result = await seedPopulation({ databaseUrl, regencyCode, people, seed });
  const rate = Math.round(result.people / result.seconds);
  process.stdout.write(
    `Seeded ${result.people} people in ${result.families} families (${result.added} new) ` +
      `in ${result.seconds.toFixed(1)} s: ${rate} rows/s\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`seed failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
