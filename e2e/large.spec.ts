/**
 * A 50-node design at full speed: the page keeps drawing charts and figures and never throws.
 * Large designs are where snapshots are thinned hardest, so this is where an off-by-one in
 * the thinning once blanked the whole page.
 */
import { expect, test, type Page } from '@playwright/test';
import { generatedDesign } from './generatedDesign';
import { shot } from './helpers';

async function zoomOf(page: Page): Promise<number> {
  const style = (await page.locator('.react-flow__viewport').getAttribute('style')) ?? '';
  return Number(/scale\(([\d.]+)\)/.exec(style)?.[1] ?? NaN);
}

test('a 50-node design runs at Max speed with live charts and no page errors', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const design = generatedDesign(50);
  // The last server is slow: a bottleneck at the end of the design, which the utilisation
  // chart must show although it has room for only 8 of the servers.
  const servers = design.nodes.filter((n) => (n as { kind: string }).kind === 'server') as { id: string; params: object }[];
  const slow = servers[servers.length - 1];
  slow.params = { workers: 1, serviceTimeMs: 60 };
  await page.addInitScript(`localStorage.setItem('archsim.design', ${JSON.stringify(JSON.stringify(design))});`);
  await page.goto('/');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await expect(page.getByLabel('Design name')).toHaveValue('Generated 50 nodes');
  // Too tall to read whole (it would fit at ~0.15): it opens readable, at its top, where its
  // first client is on screen.
  await expect.poll(() => zoomOf(page)).toBeCloseTo(0.5, 5);
  await expect(page.locator('.react-flow__node[data-id="c0"]')).toBeInViewport();

  await page.getByRole('radio', { name: 'Max' }).click();
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.locator('.chart')).toHaveCount(4);
  // Long enough for many thinned snapshots at full speed.
  await page.waitForTimeout(6000);
  await expect(page.locator('.chart')).toHaveCount(4);
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(Number(await page.getByTestId('summary-completed').getAttribute('data-value'))).toBeGreaterThan(0);
  const utilisation = page.getByRole('figure', { name: `Utilisation (%) · busiest 8 of ${servers.length}` });
  await expect(utilisation.locator('.recharts-legend-item-text')).toHaveCount(8);
  await expect(utilisation.locator('.recharts-legend-item-text', { hasText: slow.id })).toHaveCount(1);
  await shot(page, 'large-design-running');
  await page.getByRole('button', { name: 'Pause' }).click();
  expect(errors).toEqual([]);
});
