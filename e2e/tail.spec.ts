/**
 * The tail at scale, as a person meets it: parallel fan-out (the search example, and the switch
 * to sequential calls) and hedged requests at a balancer, each with the runner's figures.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { withParam } from '../src/compare/compare';
import { runDesign } from '../src/engine/run';
import { restored } from '../src/engine/testSupport';
import { encodeDesign } from '../src/share/link';
import { fresh, openExample, shot } from './helpers';

const exact = async (page: Page, figure: string) => Number(await page.getByTestId(`summary-${figure}`).getAttribute('data-value'));

async function runToEnd(page: Page) {
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Finished/ })).toBeVisible({ timeout: 30_000 });
}

test('a search API fans out to eight shards in parallel: the playground and the runner agree, and sequential calls are slower', async ({ page }) => {
  const example = restored(readFileSync('examples/fan-out-tail.json', 'utf8'));
  const sequential = withParam(example, { target: 'api', key: 'fanOut' }, 'sequential');
  const expected = { parallel: runDesign(example, example.run), sequential: runDesign(sequential, example.run) };

  await fresh(page);
  await openExample(page, 'Search fan-out: the slowest shard sets the latency');
  const api = page.getByTestId('rf__node-api');
  await api.click();
  const fanOut = page.getByRole('complementary', { name: 'Inspector' }).getByLabel('Fan-out');
  await expect(fanOut).toHaveValue('parallel');
  await expect(api).toContainText('parallel · 64 workers · 2 ms');

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

test('a balancer that hedges after 20 ms cuts the p99 of exponential servers from 46 ms to about 33 ms, as the runner says', async ({ page }) => {
  const sketch = (hedgeAfterMs: number) =>
    restored({
      format: 'archsim.design',
      version: 1,
      name: 'Hedging',
      run: { durationS: 60, warmupS: 2 },
      nodes: [
        { id: 'users', kind: 'client', label: 'Users', position: { x: 0, y: 100 }, params: { ratePerSecond: 1000 } },
        { id: 'lb', kind: 'loadBalancer', label: 'Balancer', position: { x: 300, y: 100 }, params: { hedgeAfterMs } },
        { id: 'a', kind: 'server', label: 'A', position: { x: 600, y: 0 }, params: { workers: 1000, serviceTimeMs: 10 } },
        { id: 'b', kind: 'server', label: 'B', position: { x: 600, y: 200 }, params: { workers: 1000, serviceTimeMs: 10 } },
      ],
      edges: [
        { id: 'e1', source: 'users', target: 'lb' },
        { id: 'e2', source: 'lb', target: 'a' },
        { id: 'e3', source: 'lb', target: 'b' },
      ],
    });
  const hedged = sketch(20);
  const expected = runDesign(hedged, hedged.run);
  const unhedged = runDesign(sketch(0), hedged.run);
  expect(unhedged.endToEnd.latencyMs.p99).toBeGreaterThan(44);
  expect(expected.endToEnd.latencyMs.p99).toBeLessThan(35);

  await page.goto(`/#${encodeDesign(sketch(0))}`);
  const lb = page.getByTestId('rf__node-lb');
  await lb.click();
  const resilience = page.getByRole('complementary', { name: 'Inspector' }).getByRole('region', { name: 'Resilience' });
  await resilience.getByLabel('Hedge after (ms)').fill('20');
  await resilience.getByLabel('Hedge after (ms)').press('Enter');
  await expect(lb).toContainText('hedged at 20 ms · round robin');
  await page.getByRole('radio', { name: /Max/ }).click();
  await runToEnd(page);
  expect(await exact(page, 'p99')).toBe(expected.endToEnd.latencyMs.p99);
  await shot(page, 'hedging');
});
