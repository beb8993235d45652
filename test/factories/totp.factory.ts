import { generate } from 'otplib';

/** RFC 6238 defaults, as identity's SecondFactor uses them. */
const PERIOD_SECONDS = 30;

/** A code of the authenticator app `steps` periods from now (each code works once). */
export function codeAt(secret: string, steps = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * PERIOD_SECONDS });
}

/**
 * `count` six-digit codes, counting up from `from`, that are none of `secret`'s codes from two
 * periods before now to four after: wrong whenever the server checks them in the next minute,
 * whatever its one period of tolerance either side. A fixed guess such as `000000` is the right
 * code about three times in a million (any of the three periods the server accepts).
 */
export async function wrongCodes(secret: string, count = 1, from = 0): Promise<string[]> {
  const valid = new Set(await Promise.all([-2, -1, 0, 1, 2, 3, 4].map((steps) => codeAt(secret, steps))));
  const codes: string[] = [];
  for (let n = from % 1_000_000; codes.length < count; n = (n + 1) % 1_000_000) {
    const code = String(n).padStart(6, '0');
    if (!valid.has(code)) codes.push(code);
  }
  return codes;
}

/** One code that is not `secret`'s now (see wrongCodes). */
export async function wrongCode(secret: string, from = 0): Promise<string> {
  return (await wrongCodes(secret, 1, from))[0];
}
