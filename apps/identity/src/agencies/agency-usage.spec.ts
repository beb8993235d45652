import { localMidnight } from './agency.service.js';

describe('localMidnight (the start of "checks today")', () => {
  it('is 17:00 UTC the day before in WIB (OKI, 16.02)', () => {
    // 2026-12-01 03:00 UTC is 10:00 WIB on 1 December.
    expect(localMidnight('16.02', Date.parse('2026-12-01T03:00:00Z')).toISOString()).toBe('2026-11-30T17:00:00.000Z');
    // 2026-11-30 18:00 UTC is already 01:00 WIB on 1 December.
    expect(localMidnight('16.02', Date.parse('2026-11-30T18:00:00Z')).toISOString()).toBe('2026-11-30T17:00:00.000Z');
    // 16:59 UTC is still 30 November in WIB.
    expect(localMidnight('16.02', Date.parse('2026-11-30T16:59:00Z')).toISOString()).toBe('2026-11-29T17:00:00.000Z');
  });

  it('follows the zone of the regency: WITA (Makassar, 73.71) and WIT (Jayapura, 91.71)', () => {
    expect(localMidnight('73.71', Date.parse('2026-12-01T03:00:00Z')).toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(localMidnight('91.71', Date.parse('2026-12-01T03:00:00Z')).toISOString()).toBe('2026-11-30T15:00:00.000Z');
  });
});
