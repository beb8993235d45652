/**
 * A short description of the device a session was opened from, for the person's own list of
 * sessions (`GET /me/sessions`): "Chrome di Android", "Safari di iPhone". Only this description is
 * kept, never the User-Agent header (which fingerprints a person far more than they need to see).
 * Hand-written rather than a User-Agent library: a dozen families are all a person needs to
 * recognise their phone or laptop, and a wrong guess costs nothing but a vaguer label.
 */

/** Browser families, most specific first (Edge and Opera also say "Chrome"; Chrome also says "Safari"). */
const BROWSERS: ReadonlyArray<[pattern: RegExp, name: string]> = [
  [/\bEdg(e|A|iOS)?\//, 'Edge'],
  [/\b(OPR|Opera)\//, 'Opera'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\bUCBrowser\//, 'UC Browser'],
  [/\b(Firefox|FxiOS)\//, 'Firefox'],
  [/\b(Chrome|CriOS|Chromium)\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*\bSafari\//, 'Safari'],
  [/^curl\//, 'curl'],
];

const SYSTEMS: ReadonlyArray<[pattern: RegExp, name: string]> = [
  [/\bAndroid\b/, 'Android'],
  [/\biPhone\b/, 'iPhone'],
  [/\biPad\b/, 'iPad'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bWindows\b/, 'Windows'],
  [/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
  [/\bLinux\b/, 'Linux'],
];

export const UNKNOWN_DEVICE = 'Perangkat tidak dikenal';

/** "<browser> di <system>", either part alone when only it is known, or `UNKNOWN_DEVICE`. */
export function describeDevice(userAgent: string | undefined): string {
  const text = (userAgent ?? '').slice(0, 512);
  const browser = BROWSERS.find(([pattern]) => pattern.test(text))?.[1];
  const system = SYSTEMS.find(([pattern]) => pattern.test(text))?.[1];
  if (browser !== undefined && system !== undefined) return `${browser} di ${system}`;
  return browser ?? system ?? UNKNOWN_DEVICE;
}
