/**
 * Sharing and persistence as a person meets them: Share → a link that opens the same design
 * elsewhere; bad links and files say what is wrong and leave the design alone; a reload keeps
 * the work; a link opened over local work keeps that work one click away; Export PNG is a real
 * picture of the canvas.
 */
import { expect, test, type Download, type Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { deflateSync, strToU8 } from 'fflate';
import { runDesign } from '../src/engine/run';
import { restored } from '../src/engine/testSupport';
import { encodeDesign } from '../src/share/link';
import { crc32, toBase64Url } from '../src/share/bytes';
import { LINK_DICTIONARY_D1 } from '../src/share/linkDictionary';
import { fresh, openExample, shot } from './helpers';

const lbComparison: Record<string, unknown> = JSON.parse(readFileSync('examples/lb-comparison.json', 'utf8'));

const nodes = (page: Page) => page.locator('.react-flow__node');
const alerts = (page: Page) => page.getByRole('alert');

/** A link to one of the examples, made the way the Share button makes it. */
function exampleLink(name?: string): string {
  return `/#${encodeDesign(restored(name ? { ...lbComparison, name } : lbComparison))}`;
}

/** A well-formed link whose design restore() refuses: the message must say what is wrong. */
function linkWithBadDesign(): string {
  const json = strToU8(JSON.stringify({ version: 1, name: 'Bad', nodes: [{ id: 'x', kind: 'blackHole', position: { x: 0, y: 0 } }], edges: [] }));
  const deflated = deflateSync(json, { level: 9, dictionary: LINK_DICTIONARY_D1 });
  const payload = new Uint8Array(4 + deflated.length);
  new DataView(payload.buffer).setUint32(0, crc32(json));
  payload.set(deflated, 4);
  return `/#d1.${toBase64Url(payload)}`;
}

async function nodeTexts(page: Page): Promise<string[]> {
  return (await nodes(page).allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim()).sort();
}

async function nodeIds(page: Page): Promise<string[]> {
  return (await nodes(page).evaluateAll((els) => els.map((el) => el.getAttribute('data-id') ?? ''))).sort();
}

async function menu(page: Page, item: string) {
  await page.getByRole('button', { name: 'File' }).click();
  await page.getByRole('menuitem', { name: item }).click();
}

async function exportedJson(page: Page): Promise<{ fileName: string; json: unknown }> {
  const [download] = await Promise.all([page.waitForEvent('download'), menu(page, 'Export JSON')]);
  return { fileName: download.suggestedFilename(), json: JSON.parse(await readDownload(download)) };
}

async function readDownload(download: Download): Promise<string> {
  const path = await download.path();
  return readFileSync(path!, 'utf8');
}

async function share(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this design' });
  await expect(dialog).toBeVisible();
  const link = await dialog.getByRole('textbox', { name: 'Link' }).inputValue();
  expect(link).toMatch(/^http:\/\/localhost:4173\/#d1\./);
  return link;
}

test('Share puts a link in the address bar and the clipboard; the link opens the same design elsewhere', async ({ browser, page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await fresh(page);
  await openExample(page, 'Load balancing: one slow server');

  // Make it the sender's own: a name, a label with markup in it, a param and a seed.
  await page.getByLabel('Design name').fill('Shared <b>bold</b> design');
  await page.getByTestId('rf__node-slow').click();
  await page.getByLabel('Name', { exact: true }).fill('<img src=x onerror=alert(1)> Slow one');
  await page.getByLabel('Workers').fill('7');
  await page.getByLabel('Workers').press('Enter');
  await page.getByLabel('Seed').fill('4242');
  await page.getByLabel('Seed').press('Enter');
  await page.locator('.react-flow__pane').click({ position: { x: 30, y: 400 } });
  // Notes, with their lines, set on leaving the field (nothing selected shows them).
  const notes = 'Peak 2,000 req/s.\n\tWhy least connections: one server is slow.';
  await page.getByLabel('Notes').fill(notes);
  await page.locator('.react-flow__pane').click({ position: { x: 30, y: 400 } });

  const link = await share(page);
  const dialog = page.getByRole('dialog', { name: 'Share this design' });
  await expect(dialog.getByRole('status')).toHaveText('Copied to the clipboard.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  expect(page.url()).toBe(link);
  await expect(dialog).toContainText(`${link.length.toLocaleString('en')} characters`);
  await expect(dialog).toContainText('It opens with Run for set to 60 s + 5 s warm-up');
  expect(link.length).toBeLessThan(2000);
  // Focus selects the whole link, ready to copy by hand.
  const box = dialog.getByRole('textbox', { name: 'Link' });
  await dialog.getByRole('button', { name: 'Copy' }).focus();
  await box.focus();
  expect(await box.evaluate((el: HTMLInputElement) => el.value.slice(el.selectionStart ?? 0, el.selectionEnd ?? 0))).toBe(link);
  await shot(page, 'share-01-dialog');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();

  const sender = await exportedJson(page);
  expect(sender.fileName).toBe('Shared b bold b design.json');
  // Copy as Mermaid: a flowchart of the same nodes and connections, the label as text.
  await menu(page, 'Copy as Mermaid');
  await expect(page.getByRole('status').filter({ hasText: 'Copied as a Mermaid flowchart' })).toBeVisible();
  const mermaid = await page.evaluate(() => navigator.clipboard.readText());
  expect(mermaid.startsWith('---\ntitle: "Shared <b>bold</b> design"\n---\nflowchart LR\n')).toBe(true);
  expect(mermaid).toContain('"#lt;img src=x onerror=alert(1)#gt; Slow one<br/>7 workers');
  const flow = sender.json as { nodes: unknown[]; edges: unknown[] };
  expect(mermaid.trimEnd().split('\n').slice(4)).toHaveLength(flow.nodes.length + flow.edges.length);
  const senderTexts = await nodeTexts(page);

  // A stranger opens the link in a fresh browser.
  const other = await browser.newContext();
  const receiver = await other.newPage();
  await receiver.goto(link);
  await expect(nodes(receiver)).toHaveCount(await nodes(page).count());
  await expect(receiver.getByLabel('Design name')).toHaveValue('Shared <b>bold</b> design');
  await expect(receiver.getByLabel('Seed')).toHaveValue('4242');
  expect(await nodeIds(receiver)).toEqual(await nodeIds(page));
  // React Flow keeps a node hidden (no inner text) until it has measured it: wait for that.
  await expect.poll(() => nodeTexts(receiver)).toEqual(senderTexts);
  // The label is text, never markup.
  await expect(receiver.getByTestId('rf__node-slow')).toContainText('<img src=x onerror=alert(1)> Slow one');
  await expect(receiver.locator('.react-flow__node img')).toHaveCount(0);
  await expect(receiver.getByTestId('rf__node-slow')).toContainText('7 workers');
  await expect(receiver.getByRole('region', { name: 'Previous design' })).toHaveCount(0);
  await expect(receiver.getByLabel('Run for').locator('option:checked')).toHaveText('60 s + 5 s warm-up');
  await expect(receiver.getByLabel('Notes')).toHaveValue(notes);
  // Everything the engine reads — params, positions, seed, run settings, faults — is identical,
  // so Run replays the sender's numbers (the engine is deterministic per seed; see src/share/replay.test.ts).
  const received = await exportedJson(receiver);
  expect(received).toEqual(sender);
  await other.close();

  // The sender's first edit takes the link out of the address bar, so a reload shows the edit.
  await page.getByLabel('Design name').fill('Edited after sharing');
  await expect.poll(() => page.url()).toBe('http://localhost:4173/');
  await page.reload();
  await expect(page.getByLabel('Design name')).toHaveValue('Edited after sharing');
});

test('a damaged link says so and the app opens with a design', async ({ page }) => {
  const link = exampleLink();
  await page.goto(link.slice(0, -12));
  await expect(alerts(page).filter({ hasText: 'This link could not be opened' })).toContainText('damaged or incomplete');
  await expect(nodes(page)).toHaveCount(7);
  await expect(page.getByLabel('Design name')).toHaveValue('Web app with a cache');
  await shot(page, 'share-02-damaged-link');

  // A well-formed link carrying an impossible design names the problem.
  await page.goto(linkWithBadDesign());
  await expect(alerts(page).filter({ hasText: 'This link could not be opened' }).last()).toContainText("unknown kind 'blackHole'");
  await expect(nodes(page)).toHaveCount(7);
  await shot(page, 'share-03-invalid-design-link');
});

test('a reload restores the design, and a bad link never replaces it', async ({ page }) => {
  await fresh(page);
  await openExample(page, 'Sharded database with a hot shard');
  await page.getByLabel('Design name').fill('My sharding work');
  // Notes typed just before leaving, still in the field, are kept too.
  await page.getByLabel('Notes').fill('Hash sharding next?');
  const ids = await nodeIds(page);
  await page.reload();
  await expect(page.getByLabel('Design name')).toHaveValue('My sharding work');
  await expect(page.getByLabel('Notes')).toHaveValue('Hash sharding next?');
  expect(await nodeIds(page)).toEqual(ids);

  await page.goto(`/#d1.${'A'.repeat(40)}`);
  await expect(page.getByLabel('Design name')).toHaveValue('My sharding work');
  await expect(alerts(page).filter({ hasText: 'This link could not be opened' })).toContainText('Your design is unchanged');
  expect(await nodeIds(page)).toEqual(ids);
});

test('two tabs keep their own designs across reloads; a new tab opens the one saved last', async ({ page, context }) => {
  await fresh(page);
  await page.getByLabel('Design name').fill('Work in the first tab');
  // Its autosave fires after a short delay; until then a reload would save it after the second tab's.
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem('archsim.autosave') ?? ''))
    .toContain('Work in the first tab');
  const second = await context.newPage();
  await fresh(second);
  await openExample(second, 'Sharded database with a hot shard');
  await second.getByLabel('Design name').fill('Work in the second tab');
  // The second tab's reload saves its work last; then the first tab reloads.
  await second.reload();
  await page.reload();
  await expect(page.getByLabel('Design name')).toHaveValue('Work in the first tab');
  await expect(second.getByLabel('Design name')).toHaveValue('Work in the second tab');
  const third = await context.newPage();
  await third.goto('/');
  await expect(third.getByLabel('Design name')).toHaveValue('Work in the second tab');
});

test('a link opened over local work keeps that work; Restore brings it back', async ({ page, context }) => {
  await fresh(page);
  await page.getByLabel('Design name').fill('My own work');
  await page.reload();
  await expect(page.getByLabel('Design name')).toHaveValue('My own work');

  // Opening a link in a new tab.
  const tab = await context.newPage();
  await tab.goto(exampleLink('Their design'));
  await expect(tab.getByLabel('Design name')).toHaveValue('Their design');
  const banner = tab.getByRole('region', { name: 'Previous design' });
  await expect(banner).toContainText('Your previous design was kept');
  await expect(banner).toContainText('“My own work”');
  await shot(tab, 'share-04-kept-banner');
  await banner.getByRole('button', { name: 'Restore' }).click();
  await expect(tab.getByLabel('Design name')).toHaveValue('My own work');
  await expect(banner).toBeHidden();
  await expect(nodes(tab)).toHaveCount(7);
  expect(tab.url()).toBe('http://localhost:4173/');
  await tab.reload();
  await expect(tab.getByLabel('Design name')).toHaveValue('My own work');
  await tab.close();

  // A link pasted into the open tab (hashchange) with unsaved edits on screen.
  await page.reload();
  await page.getByLabel('Design name').fill('Unsaved edit');
  await page.goto(exampleLink('Pasted link'));
  await expect(page.getByLabel('Design name')).toHaveValue('Pasted link');
  await expect(page.getByRole('region', { name: 'Previous design' })).toContainText('“Unsaved edit”');
  // Undo also goes back: opening the link was one step.
  await page.locator('.react-flow__pane').click({ position: { x: 30, y: 400 } });
  await page.keyboard.press('Control+z');
  await expect(page.getByLabel('Design name')).toHaveValue('Unsaved edit');

  // With the banner hidden, and after edits and a reload, the kept work is still in the File menu.
  await page.goto(exampleLink('Another link'));
  await page.getByRole('region', { name: 'Previous design' }).getByRole('button', { name: 'Keep this one' }).click();
  await expect(page.getByRole('region', { name: 'Previous design' })).toHaveCount(0);
  await page.getByLabel('Design name').fill('Edited link');
  await expect.poll(() => page.url()).toBe('http://localhost:4173/');
  await page.reload();
  await expect(page.getByLabel('Design name')).toHaveValue('Edited link');
  await page.getByRole('button', { name: 'File' }).click();
  const restoreItem = page.getByRole('menuitem', { name: 'Restore previous design' });
  await expect(restoreItem).toContainText('“Unsaved edit”, kept when a link opened over it');
  await shot(page, 'share-10-file-menu-restore');
  await restoreItem.click();
  await expect(page.getByLabel('Design name')).toHaveValue('Unsaved edit');
  await page.getByRole('button', { name: 'File' }).click();
  await expect(page.getByRole('menuitem', { name: 'Export JSON' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: 'Restore previous design' })).toHaveCount(0);
});

test('importing a bad file says what is wrong and keeps the design; a good one is one undo step', async ({ page }) => {
  await fresh(page);
  const ids = await nodeIds(page);
  const input = page.locator('input[type="file"]');

  await input.setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"name": "half a design", ') });
  await expect(alerts(page).filter({ hasText: '“notes.json” could not be imported' })).toContainText('Your design is unchanged');
  expect(await nodeIds(page)).toEqual(ids);
  await shot(page, 'share-05-bad-file');

  await input.setInputFiles({ name: 'package.json', mimeType: 'application/json', buffer: Buffer.from('{"name":"x","dependencies":{}}') });
  await expect(alerts(page).filter({ hasText: '“package.json” could not be imported' })).toBeVisible();
  expect(await nodeIds(page)).toEqual(ids);

  // The menu item opens the file chooser.
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), menu(page, 'Import JSON')]);
  await chooser.setFiles({ name: 'lb.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(lbComparison)) });
  await expect(page.getByLabel('Design name')).toHaveValue('Load balancing: one slow server');
  await expect(page.getByTestId('rf__node-slow')).toBeVisible();
  await page.locator('.react-flow__pane').click({ position: { x: 30, y: 400 } });
  await page.keyboard.press('Control+z');
  await expect(page.getByLabel('Design name')).toHaveValue('Web app with a cache');
  expect(await nodeIds(page)).toEqual(ids);
});

test('dropping a .json file on the canvas imports it', async ({ page }) => {
  await fresh(page);
  const drop = async (name: string, text: string) => {
    const transfer = await page.evaluateHandle(
      ([fileName, body]) => {
        const data = new DataTransfer();
        data.items.add(new File([body], fileName, { type: 'application/json' }));
        return data;
      },
      [name, text] as const,
    );
    const pane = page.locator('.react-flow__pane');
    await pane.dispatchEvent('dragenter', { dataTransfer: transfer });
    await pane.dispatchEvent('dragover', { dataTransfer: transfer });
    await expect(page.getByText('Drop a .json design file to open it')).toBeVisible();
    if (name === 'lb.json') await shot(page, 'share-08-drop-target');
    await pane.dispatchEvent('drop', { dataTransfer: transfer });
  };
  await drop('picture.json', '\u0089PNG not a design');
  await expect(alerts(page).filter({ hasText: '“picture.json” could not be imported' })).toBeVisible();
  await expect(page.getByLabel('Design name')).toHaveValue('Web app with a cache');
  await drop('lb.json', JSON.stringify(lbComparison));
  await expect(page.getByLabel('Design name')).toHaveValue('Load balancing: one slow server');
  await expect(page.locator('.drop-target')).toHaveCount(0);
  // The complaint about the earlier file is moot once a file has opened.
  await expect(alerts(page).filter({ hasText: 'could not be imported' })).toHaveCount(0);
});

test('Export PNG is a picture of the whole design, named after it', async ({ page }) => {
  await fresh(page);
  // Pan most of the design out of view: the image must still hold all of it.
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.getByRole('button', { name: 'File' }).click();
  await expect(page.getByRole('menu', { name: 'File' })).toBeVisible();
  await shot(page, 'share-09-file-menu');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Export PNG' }).click()]);
  expect(download.suggestedFilename()).toBe('Web app with a cache.png');
  mkdirSync('e2e/screenshots', { recursive: true });
  await download.saveAs('e2e/screenshots/share-06-export.png');
  const png = readFileSync('e2e/screenshots/share-06-export.png');
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  // Seven nodes in three columns at twice the pixel density: wide, not a blank sliver.
  expect(width).toBeGreaterThan(1200);
  expect(height).toBeGreaterThan(300);
  expect(png.length).toBeGreaterThan(20_000);
});

test('a run’s results export as the CLI’s figures (JSON) and a row per simulated second (CSV)', async ({ page }) => {
  const results = restored({ ...lbComparison, name: 'Results', run: { durationS: 10, warmupS: 2 } });
  await page.goto(`/#${encodeDesign(results)}`);
  await expect(page.getByLabel('Design name')).toHaveValue('Results');
  // Nothing has run: there is nothing to export yet.
  await page.getByRole('button', { name: 'File' }).click();
  await expect(page.getByRole('menuitem', { name: 'Export PNG' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: /Export results/ })).toHaveCount(0);
  await page.keyboard.press('Escape');

  await page.getByRole('radio', { name: /Max/ }).click();
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Finished/ })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'File' }).click();
  await shot(page, 'share-11-file-menu-results');
  await page.keyboard.press('Escape');

  const [jsonDownload] = await Promise.all([page.waitForEvent('download'), menu(page, 'Export results JSON')]);
  expect(jsonDownload.suggestedFilename()).toBe('Results results.json');
  const exported = JSON.parse(await readDownload(jsonDownload));
  // The same numbers as `npm run sim` prints for this design: one engine, one seed.
  const { wallMs: _wall, ...cli } = runDesign(results, results.run);
  const { wallMs, format, version, design, series, ...figures } = exported;
  expect({ format, version, design }).toEqual({ format: 'archsim.results', version: 1, design: 'Results' });
  expect(wallMs).toBeGreaterThan(0);
  expect(figures).toEqual(JSON.parse(JSON.stringify(cli)));
  expect(series).toHaveLength(12);

  const [csvDownload] = await Promise.all([page.waitForEvent('download'), menu(page, 'Export results CSV')]);
  expect(csvDownload.suggestedFilename()).toBe('Results results.csv');
  const [header, ...rows] = (await readDownload(csvDownload)).trimEnd().split('\r\n').map((line) => line.split(','));
  expect(header.slice(0, 7)).toEqual(['time_s', 'phase', 'throughput_per_s', 'error_rate', 'p50_ms', 'p95_ms', 'p99_ms']);
  // Named as on the canvas: the slow server's utilisation, among every node's.
  expect(header).toContain('Slow server: utilisation');
  expect(rows).toHaveLength(12);
  expect(rows.map((r) => r[1])).toEqual([...Array(2).fill('warm-up'), ...Array(10).fill('measured')]);
  // Each row is its second's window, as the JSON holds it.
  rows.forEach((row, i) => {
    expect(Number(row[0])).toBe(series[i].tS);
    expect(Number(row[2])).toBeCloseTo(series[i].throughput, 2);
    expect(Number(row[6])).toBeCloseTo(series[i].p99, 3);
  });
  expect(Number(rows[5][2])).toBeGreaterThan(0);
});

test('a full or blocked storage is reported once, and the design stays usable', async ({ browser }) => {
  const full = await browser.newContext();
  await full.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (key.startsWith('archsim')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return setItem.call(this, key, value);
    };
  });
  const page = await full.newPage();
  await fresh(page);
  for (const name of ['One', 'Two', 'Three']) {
    await page.getByLabel('Design name').fill(name);
    await page.waitForTimeout(700);
  }
  const notSaved = alerts(page).filter({ hasText: 'Your design is not being saved in this browser' });
  await expect(notSaved).toHaveCount(1);
  await expect(notSaved).toContainText('storage for Archsim is full');
  await shot(page, 'share-07-storage-full');
  await full.close();

  const blocked = await browser.newContext();
  await blocked.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  const second = await blocked.newPage();
  await fresh(second);
  await second.getByLabel('Design name').fill('Still editable');
  await second.waitForTimeout(700);
  const refused = alerts(second).filter({ hasText: 'Your design is not being saved in this browser' });
  await expect(refused).toHaveCount(1);
  await expect(refused).toContainText('local storage is blocked');
  await expect(second.getByLabel('Design name')).toHaveValue('Still editable');
  await blocked.close();
});
