/**
 * Every screen passes axe-core's checks (WCAG 2.x A and AA: names, roles, contrast, headings)
 * in the light theme, and its colour checks in the dark: the canvas, a paused run with the inspector (and a server's queueing theory), the faults, the findings,
 * the share and practice dialogs, a brief, a comparison (and each row's capacity), a capacity search, and a design with problems.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { restored } from '../src/engine/testSupport';
import { encodeDesign } from '../src/share/link';
import { axeViolations, fresh, openExample } from './helpers';

// An axe pass over a busy page takes seconds, and twice as long beside another test on a 2-core
// machine: these tests get twice the usual limit.
test.describe.configure({ timeout: 120_000 });

/** The default design with one of its servers killed a second in: down nodes and failing connections on screen. */
function withAKilledServer(): string {
  const design = restored({ ...JSON.parse(readFileSync('examples/default.json', 'utf8')), faults: [{ atS: 1, action: 'kill', target: 'app-3' }] });
  return `/#${encodeDesign(design)}`;
}

// Each audit takes a few seconds, more on a busy machine: the screens are split over two tests
// per theme, each with room to spare.
test.describe.configure({ timeout: 150_000 });

for (const scheme of ['light', 'dark'] as const) {
  /** The page's violations (within a part of it that changed): every rule in the light theme, the colour rules in the dark. */
  const violations = (page: Page, within?: string) => axeViolations(page, { within, coloursOnly: scheme === 'dark' });

  test(`the canvas, a paused run, the faults and sharing pass axe in the ${scheme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await fresh(page);
    expect(await violations(page), 'the canvas').toEqual([]);

    // A run paused mid-way: badges, charts, a server down and the connections failing into it,
    // the inspector's figures.
    await page.goto(withAKilledServer());
    await page.getByRole('radio', { name: /×10/ }).click();
    await page.getByRole('button', { name: 'Run' }).click();
    await expect(page.locator('.chart').first()).toBeVisible();
    await expect(page.getByTestId('rf__node-app-3').getByTestId('node-state')).toHaveText('Down');
    await page.waitForTimeout(1000);
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.locator('.react-flow__node[data-id="db"]').click();
    expect(await violations(page), 'a paused run with the inspector').toEqual([]);
    await page.locator('.react-flow__node[data-id="app-1"]').click();
    await expect(page.getByRole('region', { name: 'Queueing theory' })).toBeVisible();
    expect(await violations(page, '.inspector'), 'a server’s queueing theory').toEqual([]);

    await page.getByRole('tab', { name: /Faults/ }).click();
    expect(await violations(page, '.metrics'), 'the faults tab').toEqual([]);

    await page.getByRole('tab', { name: /Findings/ }).click();
    await expect(page.getByRole('region', { name: 'Findings' })).toContainText('App 3 is down');
    expect(await violations(page, '.metrics'), 'the findings tab').toEqual([]);

    await page.getByRole('button', { name: 'Share' }).click();
    await expect(page.getByRole('dialog', { name: 'Share this design' })).toBeVisible();
    expect(await violations(page, 'dialog[open]'), 'the share dialog').toEqual([]);
  });

  test(`practice, a brief and a comparison pass axe in the ${scheme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await fresh(page);
    await page.getByRole('button', { name: 'Practice' }).click();
    const practice = page.getByRole('dialog');
    await expect(practice).toBeVisible();
    expect(await violations(page, 'dialog[open]'), 'the practice dialog').toEqual([]);
    await practice.getByRole('button', { name: /Start/ }).first().click();
    await expect(page.getByRole('tab', { name: 'Brief' })).toHaveAttribute('aria-selected', 'true');
    expect(await violations(page), 'a brief').toEqual([]);

    await openExample(page, 'Load balancing: one slow server');
    await page.locator('.react-flow__node[data-id="lb"]').click();
    await page.getByRole('button', { name: 'Compare algorithm values' }).click();
    await expect(page.getByLabel('Comparison').getByRole('table').getByRole('row')).toHaveCount(12, { timeout: 30_000 });
    expect(await violations(page, '.metrics'), 'a comparison').toEqual([]);
  });

  // Apart from the test above, so neither nears the time limit.
  test(`a comparison's capacity per row and a capacity search pass axe in the ${scheme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await fresh(page);
    await openExample(page, 'Load balancing: one slow server');
    // Two rows, the current value and another (the full table of algorithms is audited above):
    // a capacity search per row is seconds of work each.
    await page.locator('.react-flow__node[data-id="slow"]').click();
    await page.getByLabel('Workers', { exact: true }).focus();
    await page.getByRole('button', { name: 'Compare workers values' }).click();
    const values = page.getByLabel('Comparison').getByLabel('Values');
    await values.fill('4, 8');
    await values.press('Enter');
    await expect(page.getByLabel('Comparison').getByRole('table').getByRole('row')).toHaveCount(3, { timeout: 30_000 });
    // Each row's capacity: the Carries column, the most marked, what gives first under each load.
    await page.getByRole('button', { name: 'Find each row’s capacity' }).click();
    await expect(page.getByLabel('Comparison')).toContainText('Carries: the most traffic each row carries', { timeout: 30_000 });
    expect(await violations(page, '.metrics'), 'a comparison’s capacity per row').toEqual([]);

    // A search that ends below today's traffic: met and missed runs, the capacity marked.
    await page.getByRole('tab', { name: 'Capacity' }).click();
    const capacity = page.getByRole('region', { name: 'Capacity' });
    await capacity.getByRole('button', { name: 'Find capacity' }).click();
    await expect(capacity.locator('.capacity-limit')).toContainText('What gives first', { timeout: 30_000 });
    expect(await violations(page, '.metrics'), 'a capacity search').toEqual([]);
  });
}

test('a design with problems passes axe', async ({ page }) => {
  // A client with nowhere to send its requests: Run lists the problem instead of running.
  const design = restored({
    format: 'archsim.design',
    version: 1,
    name: 'Unwired',
    nodes: [
      { id: 'users', kind: 'client', position: { x: 0, y: 0 } },
      { id: 'app', kind: 'server', position: { x: 300, y: 0 } },
    ],
    edges: [],
  });
  await page.goto(`/#${encodeDesign(design)}`);
  await expect(page.getByLabel('Design name')).toHaveValue('Unwired');
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByRole('region', { name: 'Problems' })).toContainText('has no outgoing edge');
  expect(await axeViolations(page)).toEqual([]);
});
