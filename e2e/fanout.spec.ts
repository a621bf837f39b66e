/** Parallel fan-out, as a person meets it: the search example, its figures, and the switch to sequential calls. */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { runDesign } from '../src/engine/run';
import { restore } from '../src/model/restore';
import { fresh, openExample, shot } from './helpers';

const exact = async (page: Page, figure: string) => Number(await page.getByTestId(`summary-${figure}`).getAttribute('data-value'));

async function runToEnd(page: Page) {
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Finished/ })).toBeVisible({ timeout: 30_000 });
}

test('a search API fans out to eight shards in parallel: the playground and the runner agree, and sequential calls are slower', async ({ page }) => {
  const example = restore(readFileSync('examples/fan-out-tail.json', 'utf8'));
  if (!example.ok) throw new Error('example invalid');
  const sequential = { ...example.design, nodes: example.design.nodes.map((n) => (n.id === 'api' ? { ...n, params: { ...n.params, fanOut: 'sequential' } } : n)) };
  const expected = { parallel: runDesign(example.design, example.design.run), sequential: runDesign(sequential, example.design.run) };

  await fresh(page);
  await openExample(page, 'Search fan-out: the slowest shard sets the latency');
  const api = page.getByTestId('rf__node-api');
  await api.click();
  const fanOut = page.getByRole('complementary', { name: 'Inspector' }).getByLabel('Fan-out');
  await expect(fanOut).toHaveValue('parallel');

  await page.getByLabel('Run for').selectOption({ value: 'design' });
  await page.getByRole('radio', { name: /Max/ }).click();
  await runToEnd(page);
  expect(await exact(page, 'p99')).toBe(expected.parallel.endToEnd.latencyMs.p99);
  await shot(page, 'fanout-parallel');

  await fanOut.selectOption('sequential');
  await expect(api).not.toContainText('parallel');
  await runToEnd(page);
  expect(await exact(page, 'p99')).toBe(expected.sequential.endToEnd.latencyMs.p99);
  // Eight calls in a row wait for each shard in turn; in parallel, only for the slowest.
  expect(expected.sequential.endToEnd.latencyMs.p50).toBeGreaterThan(2 * expected.parallel.endToEnd.latencyMs.p50);
});
