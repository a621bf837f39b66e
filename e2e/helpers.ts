import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';

export async function shot(page: Page, name: string) {
  mkdirSync('e2e/screenshots', { recursive: true });
  await page.screenshot({ path: `e2e/screenshots/${name}.png` });
}

/** Opens an example design from the header menu. */
export async function openExample(page: Page, title: string) {
  await page.getByLabel('Examples').selectOption({ label: title });
  // This example's notice: an earlier example's may still be on screen.
  await expect(page.getByRole('status').filter({ hasText: `Opened “${title}”` })).toBeVisible();
}

export async function fresh(page: Page) {
  await page.goto('/');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
}

/** The axe rules whose outcome depends on colours: all a second theme can change. */
const THEME_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * axe-core's violations on the page as it is (WCAG 2.x A and AA), one line each, so a failure
 * says what and where. An audit of the whole page takes seconds (twice that beside another test
 * on two cores), so a test audits the whole page once and then `within` what changed (a panel,
 * a dialog); and a second theme checks only the rules colours decide (`coloursOnly`), the rest
 * having passed over the same screens in the first.
 */
export async function axeViolations(page: Page, { within, coloursOnly = false }: { within?: string; coloursOnly?: boolean } = {}): Promise<string[]> {
  let builder = new AxeBuilder({ page });
  if (within) builder = builder.include(within);
  if (coloursOnly) builder = builder.withRules(THEME_RULES);
  const { violations } = await builder.analyze();
  return violations.map(
    (v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} (${n.failureSummary?.split('\n')[1]?.trim()})`).join('; ')}`,
  );
}
