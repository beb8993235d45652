import type { RegionDirectory } from './region-directory.js';

let installed: RegionDirectory | undefined;

/**
 * Sets the region directory the identifier rules use when a caller passes none. The domain
 * does no I/O: each process builds its directory where it runs — the Node apps and the tests
 * from the installed idn-area-data release (`installIdnAreaRegions()` of `#lib/platform/regions`),
 * the web pages from the lists the build bundles — and installs it once at start-up.
 * Returns the directory installed before (tests put it back).
 */
export function installRegionDirectory(directory: RegionDirectory | undefined): RegionDirectory | undefined {
  const previous = installed;
  installed = directory;
  return previous;
}

/** The installed region directory (never a hand-typed table: DOMAIN.md "Identifiers"). */
export function regionDirectory(): RegionDirectory {
  if (installed === undefined) {
    throw new Error(
      'No region directory is installed: call installRegionDirectory() at start-up ' +
        '(Node: installIdnAreaRegions() from #lib/platform/regions)',
    );
  }
  return installed;
}
