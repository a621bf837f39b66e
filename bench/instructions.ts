/**
 * `npm run bench:instructions`: machine instructions per event, counted by valgrind, for the
 * engine on M/M/4 and for the bare heap loop. Wall-clock figures on a shared VM drift by tens
 * of percent from one minute to the next; instruction counts repeat to a fraction of a percent,
 * so this is the figure to compare two versions of the hot path by.
 *
 * Each figure is the difference between a short and a long run, divided by the difference in
 * events, so start-up, compilation and warm-up cancel out — provided both runs start alike:
 * tsx caches its TypeScript transforms on disk, and a first run after an edit pays for them,
 * which once made a short run ~560 M instructions dearer and the figure 15 % too good. So one
 * untimed run fills the cache first. Designs that mix kinds vary by a few percent (and one
 * example by 30 %) from run to run with the JIT's inlining choices, so the engine is measured
 * on M/M/4, where repeated runs agree within about 1 %. V8 runs single-threaded so that its
 * compiler works at the same moments in every run. The count leaves out cache misses: a change
 * that touches less memory can be faster in `npm run bench` at the same count here.
 * Needs valgrind (Debian: apt-get install valgrind).
 *
 *   npm run bench:instructions
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Simulation } from '../src/engine/simulation';
import { hold, holdQueue, mm4, runnerFlags } from './pairs';

const HERE = fileURLToPath(import.meta.url);

/** Child: run one model of the given size and print how many events it processed. */
function child(model: string, size: number): void {
  if (model === 'heap') {
    const { queue, rng } = holdQueue(8);
    console.log(hold(queue, rng, size) === -1 ? 0 : size);
    return;
  }
  const sim = new Simulation(mm4(), { warmupMs: 0 });
  sim.runUntil(size * 1000);
  console.log(sim.events);
}

/** Instructions valgrind counted for one child run, and the events it reported. */
function measure(model: string, size: number): { instructions: number; events: number } {
  const run = spawnSync(
    'valgrind',
    ['--tool=cachegrind', '--cache-sim=no', '--cachegrind-out-file=/dev/null', process.execPath, ...runnerFlags(), '--single-threaded', '--import', 'tsx', HERE, '--child', model, String(size)],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const refs = /I\s+refs:\s+([\d,]+)/.exec(run.stderr);
  if (run.status !== 0 || !refs) throw new Error(`valgrind run failed:\n${run.stderr.slice(-2000)}`);
  return { instructions: Number(refs[1].replaceAll(',', '')), events: Number(run.stdout.trim()) };
}

function perEvent(model: string, short: number, long: number): number {
  const a = measure(model, short);
  const b = measure(model, long);
  return (b.instructions - a.instructions) / (b.events - a.events);
}

if (process.argv[2] === '--child') {
  child(process.argv[3], Number(process.argv[4]));
} else {
  try {
    execFileSync('valgrind', ['--version'], { stdio: 'ignore' });
  } catch {
    console.log('valgrind is not installed (Debian: apt-get install valgrind); nothing measured.');
    process.exit(0);
  }
  console.log('Machine instructions per event (valgrind; short run subtracted from long run)\n');
  // Fill tsx's transform cache, so that neither measured run pays for transforming the sources.
  spawnSync(process.execPath, [...runnerFlags(), '--import', 'tsx', HERE, '--child', 'mm4', '1'], { stdio: 'ignore' });
  const heap = perEvent('heap', 1_000_000, 6_000_000);
  console.log(`bare heap loop (hold model, 8 pending)   ${heap.toFixed(0)} instructions/event`);
  // 10 s and 1010 s simulated: about 6.4 million events apart.
  const engine = perEvent('mm4', 10, 1010);
  console.log(`M/M/4 at ρ = 0.8                         ${engine.toFixed(0)} instructions/event`);
  console.log(`\nthe engine does ${(engine / heap).toFixed(2)}× the heap loop's work per event: ${((heap / engine) * 100).toFixed(0)} % of its rate at equal instructions per second`);
}
