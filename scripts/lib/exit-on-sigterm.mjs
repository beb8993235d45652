// Preloaded (`--import`) into an app under `bench:verify`'s BENCH_CPU_PROF: on SIGTERM the
// process exits normally, so that Node writes its `--cpu-prof` profile (a process that dies of
// the signal, as Nest's shutdown hooks re-raise it, writes none).
process.once('SIGTERM', () => process.exit(0));
