// `#lib/platform/regions`: the idn-area-data region directory for Node processes (libs/domain
// does no I/O; it is handed the directory this builds).
export * from './idn-area-regions.js';
