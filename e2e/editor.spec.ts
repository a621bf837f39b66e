import { expect, test, type Page } from '@playwright/test';
import { fresh, openExample, shot } from './helpers';

const nodes = (page: Page) => page.locator('.react-flow__node');

async function clearCanvas(page: Page) {
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 300 } });
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  await expect(nodes(page)).toHaveCount(0);
}

/** Waits until the viewport stops moving (after an animated fit), so handle positions are final. */
async function settled(page: Page) {
  const viewport = page.locator('.react-flow__viewport');
  await expect
    .poll(async () => {
      const a = await viewport.getAttribute('style');
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      return a === (await viewport.getAttribute('style'));
    })
    .toBe(true);
}

async function connect(page: Page, from: string, to: string) {
  await settled(page);
  const source = page.locator(`.react-flow__node[data-id="${from}"] .react-flow__handle.source`);
  const node = page.locator(`.react-flow__node[data-id="${to}"]`);
  // A client has no input handle: aim at its body then.
  const target = (await node.locator('.react-flow__handle.target').count()) > 0 ? node.locator('.react-flow__handle.target') : node;
  const a = (await source.boundingBox())!;
  const b = (await target.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2 - 20, b.y + b.height / 2, { steps: 5 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 3 });
  await page.mouse.up();
}

test('build a design by drag and keyboard, wire it, edit, undo, delete, run', async ({ page }) => {
  await fresh(page);
  await clearCanvas(page);
  await expect(page.getByText('An empty canvas')).toBeVisible();
  await shot(page, '04-empty-canvas');

  // Drag a client onto the canvas.
  await page.getByRole('button', { name: 'Client', exact: true }).dragTo(page.locator('.react-flow__pane'), {
    targetPosition: { x: 150, y: 250 },
  });
  await expect(nodes(page)).toHaveCount(1);

  // Keyboard: focus a palette button and press Enter.
  await page.getByRole('button', { name: 'Load balancer', exact: true }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Server', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(nodes(page)).toHaveCount(3);
  await expect(page.getByRole('heading', { name: 'Server' })).toBeVisible();
  // Each lands right of the node selected before it (the one just added), clear of the others.
  const boxes = await Promise.all(['client-1', 'lb-1', 'server-1'].map((id) => page.locator(`.react-flow__node[data-id="${id}"]`).boundingBox()));
  for (let i = 1; i < boxes.length; i++) {
    expect(boxes[i]!.x).toBeGreaterThan(boxes[i - 1]!.x + boxes[i - 1]!.width);
    expect(Math.abs(boxes[i]!.y - boxes[i - 1]!.y)).toBeLessThan(2);
  }

  // Problems: nothing is wired yet, so Run lists problems instead of running.
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Run needs' })).toBeVisible();
  const problems = page.getByRole('region', { name: 'Problems' });
  await expect(problems).toContainText('has no outgoing edge');
  await shot(page, '05-problems');
  await problems.getByRole('button', { name: /Load balancer .* has no targets/ }).click();
  await expect(page.getByRole('heading', { name: 'Load balancer' })).toBeVisible();
  await expect(page.getByText(LB_NOTE)).toBeVisible();

  // Tidy up lays the three nodes out, then connect them by dragging handles.
  const tidy = page.getByRole('button', { name: 'Tidy up' });
  await tidy.click();
  // Busy until the nodes have moved and the view has settled: only then are handles where they stay.
  await expect(tidy).toHaveAttribute('aria-busy', 'false');
  await connect(page, 'client-1', 'lb-1');
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  await connect(page, 'lb-1', 'server-1');
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);

  // A refused connection says why.
  await connect(page, 'server-1', 'client-1');
  await expect(page.getByRole('alert').filter({ hasText: 'clients only send requests' })).toBeVisible();
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);
  await connect(page, 'server-1', 'lb-1');
  await expect(page.getByRole('alert').filter({ hasText: 'call cycle' })).toBeVisible();
  await expect(problems).toHaveCount(0);

  // A client's rate worked out from daily users, and a connection's latency from typical ones.
  await page.locator('.react-flow__node[data-id="client-1"]').click();
  await page.getByText('Work it out from daily users').click();
  await page.getByLabel('Daily users').fill('864k');
  await page.getByLabel('Requests per user a day').fill('10');
  await page.getByLabel('Peak ÷ average').fill('0.5');
  await expect(page.getByRole('alert').filter({ hasText: 'Peak ÷ average must be at least 1' })).toBeVisible();
  await page.getByLabel('Peak ÷ average').fill('2');
  await expect(page.getByText('864,000 users × 10 ÷ 86,400 s = 100 req/s on average; × 2 at the peak = 200 req/s.')).toBeVisible();
  await page.getByRole('button', { name: 'Use 200 req/s' }).click();
  await expect(page.locator('.react-flow__node[data-id="client-1"]')).toContainText('200 req/s');
  await page.locator('.react-flow__edge').first().click({ force: true });
  await page.getByLabel('Typical latency').selectOption({ label: 'Across the US: 35 ms' });
  await expect(page.getByRole('textbox', { name: 'Latency (ms)' })).toHaveValue('35');
  await expect(page.locator('.edge-label').first()).toHaveText('35.0 ms');

  // Edit a param: a bad value is refused with the checker's message, a good one applies.
  await page.locator('.react-flow__node[data-id="server-1"]').click();
  const workers = page.getByLabel('Workers');
  await workers.fill('-3');
  await expect(page.getByRole('alert').filter({ hasText: 'workers must be at least 1' })).toBeVisible();
  await shot(page, '06-param-refused');
  await workers.fill('12');
  await workers.press('Enter');
  await expect(page.locator('.react-flow__node[data-id="server-1"]')).toContainText('12 workers');

  // Undo and redo the edit.
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 300 } });
  await page.keyboard.press('Control+z');
  await expect(page.locator('.react-flow__node[data-id="server-1"]')).toContainText('4 workers');
  await page.keyboard.press('Control+Shift+z');
  await expect(page.locator('.react-flow__node[data-id="server-1"]')).toContainText('12 workers');

  // Copy, paste, delete.
  await page.locator('.react-flow__node[data-id="server-1"]').click();
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect(nodes(page)).toHaveCount(4);
  await page.keyboard.press('Delete');
  await expect(nodes(page)).toHaveCount(3);

  // Run, see the numbers move, change a param live, pause, reset.
  await page.getByRole('radio', { name: /×10/ }).click();
  await page.getByRole('button', { name: 'Run' }).click();
  const sent = page.getByTestId('summary-sent');
  await expect(sent).not.toHaveText('0');
  const before = await sent.textContent();
  await expect(sent).not.toHaveText(before!);
  await expect(page.locator('.chart')).toHaveCount(4);
  await page.locator('.react-flow__node[data-id="server-1"]').click();
  await expect(page.getByText('Changes apply to the running simulation at once.')).toBeVisible();
  await page.getByLabel('Service time').fill('200');
  await page.getByLabel('Service time').press('Enter');
  await expect(page.locator('.react-flow__node[data-id="server-1"] .sim-node')).toHaveClass(/health-saturated/);
  await shot(page, '07-live-edit-saturated');
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Resume' })).toBeEnabled();
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(sent).toHaveText('0');
  await expect(page.getByText('Press Run to simulate the design.')).toBeVisible();
});

test('the default design runs from the first visit', async ({ page }) => {
  await fresh(page);
  // Nothing has been measured yet: no latency or error rate, rather than a 0.
  await expect(page.getByTestId('summary-p99')).toHaveText('—');
  await expect(page.getByTestId('summary-error-rate')).toHaveText('—');
  await page.getByRole('button', { name: 'Run' }).click();
  const sent = page.getByTestId('summary-sent');
  await expect(sent).not.toHaveText('0');
  // Figures come with the first completed requests (a fixed-length run would wait out its warm-up).
  await expect(page.getByTestId('summary-p99')).toHaveText(/^[\d.,]+ ms$/, { timeout: 20_000 });
  await expect(page.getByTestId('summary-error-rate')).toHaveText('0 %');
  await expect(page.locator('.chart')).toHaveCount(4);
  await expect(page.locator('[data-testid="node-live"]')).toHaveCount(7);
  await expect(nodes(page)).toHaveCount(7);
  // Utilisation only where a node does work of its own: the bare balancer passes calls on.
  const utilLegend = page.getByRole('figure', { name: 'Utilisation (%)' }).locator('.recharts-legend-item-text');
  await expect(utilLegend).toHaveText(['App 1', 'App 2', 'App 3', 'Cache', 'Database']);
  await expect(page.locator('.react-flow__node[data-id="app-1"]').getByRole('meter', { name: 'Utilisation' })).toBeVisible();
  await expect(page.locator('.react-flow__node[data-id="lb"]').getByRole('meter')).toHaveCount(0);
  await shot(page, '08-default-running');
  const figures = page.getByLabel('Live figures');
  await page.locator('.react-flow__node[data-id="app-1"]').click();
  await expect(figures.getByText('Utilisation')).toBeVisible();
  await expect(figures.getByText('Queue now')).toBeVisible();
  await page.locator('.react-flow__node[data-id="lb"]').click();
  await expect(figures.getByText('Arrivals')).toBeVisible();
  await expect(figures.getByText('Utilisation')).toHaveCount(0);
  await expect(figures.getByText('Queue now')).toHaveCount(0);
});

const LB_NOTE = 'Each target in turn, one after another.';

test('the run length is set in the inspector when nothing is selected, checked and undoable', async ({ page }) => {
  await fresh(page);
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  const duration = inspector.getByLabel('Duration (s)');
  await expect(duration).toHaveValue('60');
  await duration.fill('0');
  await duration.press('Enter');
  await expect(inspector.getByRole('alert')).toBeVisible();
  await expect(page.getByLabel('Run for').locator('option').nth(1)).toHaveText('60 s + 5 s warm-up');

  await duration.fill('3');
  await duration.press('Enter');
  await inspector.getByLabel('Warm-up (s)').fill('1');
  await inspector.getByLabel('Warm-up (s)').press('Enter');
  await expect(inspector.getByRole('alert')).toHaveCount(0);
  await shot(page, '09-run-length');

  await page.getByLabel('Run for').selectOption({ label: '3 s + 1 s warm-up' });
  await page.getByRole('radio', { name: /Max/ }).click();
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Finished/ })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('summary-simulated-time')).toHaveAttribute('data-value', '4000');

  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 300 } });
  await page.keyboard.press('Control+z');
  await expect(inspector.getByLabel('Warm-up (s)')).toHaveValue('5');
  await expect(inspector.getByLabel('Duration (s)')).toHaveValue('3');
});

test("an example's notice does not stand between the pointer and the canvas beneath it, and still closes", async ({ page }) => {
  await fresh(page);
  await openExample(page, 'Load balancing: one slow server');
  const notice = page.getByRole('status').filter({ hasText: 'Opened “Load balancing: one slow server”' });
  const box = (await notice.boundingBox())!;
  // What a click at the notice's middle reaches: the canvas (a node or the pane), not the notice.
  const reached = await page.evaluate(
    ([x, y]) => document.elementFromPoint(x, y)?.closest('.notice, .react-flow')?.className ?? '',
    [box.x + box.width / 2, box.y + box.height / 2],
  );
  expect(reached).toContain('react-flow');
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);

  // On a small laptop it keeps clear of the canvas's toolbar, and wide enough to read in a few lines.
  await page.setViewportSize({ width: 1024, height: 720 });
  await openExample(page, 'Write-heavy ingest behind a queue');
  const small = (await page.getByRole('status').filter({ hasText: 'Opened “Write-heavy ingest behind a queue”' }).boundingBox())!;
  const toolbar = (await page.locator('.canvas-toolbar').boundingBox())!;
  expect(small.x).toBeGreaterThan(toolbar.x + toolbar.width);
  expect(small.width).toBeGreaterThanOrEqual(260);
});
