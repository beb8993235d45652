/// <reference lib="dom" />
// The callbacks passed to page.evaluate run in the browser.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[] }>;
}

/**
 * axe-core injected into the page as it stands: the serious and critical violations, each as
 * `rule (impact): help — targets`. The suite fails on any (`expect(...).toEqual([])`).
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Through the debugging protocol, not a <script> tag: the pages' CSP (rightly) refuses inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<unknown> } }).axe;
    const result = (await axe.run(document, { resultTypes: ['violations'] })) as { violations: AxeViolation[] };
    return result.violations;
  });
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
          .slice(0, 3)
          .map((node) => JSON.stringify(node.target))
          .join(', ')}`,
    );
}

/** Tap targets on the page smaller than 44 × 44 CSS px: `text (w × h)`. */
export async function smallTapTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const small: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>(
      'a[href], button, input:not([type=hidden]):not(.visually-hidden), select, textarea, label.button, [role=button]',
    )) {
      const box = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      if (box.width === 0 || box.height === 0 || style.visibility === 'hidden') continue;
      // WCAG 2.5.8's exceptions: a link inside a sentence, and the skip link shown on focus only.
      if (element.matches('.skip-link') || (style.display === 'inline' && element.closest('p'))) continue;
      // A radio or checkbox counts with its label, which is what a finger presses.
      const target =
        (element instanceof HTMLInputElement && (element.type === 'radio' || element.type === 'checkbox')
          ? element.closest('label')
          : element) ?? element;
      const rect = target.getBoundingClientRect();
      if (rect.width < 44 || rect.height < 44)
        small.push(
          `${(target.textContent ?? target.getAttribute('aria-label') ?? target.tagName).trim().slice(0, 40)} (${Math.round(rect.width)} × ${Math.round(rect.height)})`,
        );
    }
    return small;
  });
}
