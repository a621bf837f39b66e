/**
 * `npm run bench:profile`: where M/M/4's instructions per event go, function by function, as
 * V8 compiled them. Runs bench/instructions.ts's M/M/4 child twice under callgrind (short and
 * long, so start-up and compilation cancel out), maps every executed instruction to the JIT
 * function holding it through V8's perf map (--perf-basic-prof), and prints the difference per
 * event. A function's figure includes whatever V8 inlined into it, so the list shows the
 * compiled units, not the source's (JS:* marks optimised code); "native" is V8's runtime and C
 * library (Math.log mostly).
 * Needs valgrind (Debian: apt-get install valgrind). About two minutes.
 *
 *   npm run bench:profile
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerFlags } from './pairs';

const CHILD = fileURLToPath(new URL('./instructions.ts', import.meta.url));
const SHOWN = 20;

interface Symbol {
  start: number;
  end: number;
  name: string;
}

/** V8's perf map: one line per code object, "start size name" in hex. */
function readPerfMap(path: string): Symbol[] {
  const symbols = readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [start, size, ...name] = line.split(' ');
      const at = parseInt(start, 16);
      return { start: at, end: at + parseInt(size, 16), name: name.join(' ') };
    });
  return symbols.sort((a, b) => a.start - b.start);
}

function symbolAt(symbols: Symbol[], address: number): Symbol | null {
  let lo = 0;
  let hi = symbols.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (symbols[mid].start <= address) lo = mid + 1;
    else hi = mid - 1;
  }
  return hi >= 0 && address < symbols[hi].end ? symbols[hi] : null;
}

/**
 * Instructions per function from a callgrind file written with --dump-instr=yes: cost lines
 * are "address line cost", the address absolute (0x…) or relative to the last (+n, -n, *).
 * The line after a calls= line is the call's inclusive cost, already counted in the callee.
 */
function costByFunction(callgrindFile: string, symbols: Symbol[]): Map<string, number> {
  const costs = new Map<string, number>();
  let address = 0;
  let inclusive = false;
  for (const line of readFileSync(callgrindFile, 'utf8').split('\n')) {
    if (line.startsWith('calls=')) {
      inclusive = true;
      continue;
    }
    const first = line.charCodeAt(0);
    const isCost = (first >= 48 && first <= 57) || line[0] === '+' || line[0] === '-' || line[0] === '*';
    if (!isCost) continue;
    const [position, , cost] = line.split(' ');
    if (cost === undefined) continue;
    if (position.startsWith('0x')) address = parseInt(position, 16);
    else if (position[0] === '+') address += Number(position.slice(1));
    else if (position[0] === '-') address -= Number(position.slice(1));
    if (inclusive) {
      inclusive = false;
      continue;
    }
    // "JS:*arrival file:///…/simulation.ts:1:2" → "JS:*arrival simulation.ts" (tsx puts a file on one line).
    const name = symbolAt(symbols, address)?.name.replace(/ file:\/\/\S*?([^/\s]+):\d+:\d+$/, ' $1') ?? 'native';
    costs.set(name, (costs.get(name) ?? 0) + Number(cost));
  }
  return costs;
}

/** One profiled run of the M/M/4 child simulating `seconds`: its costs and its events. */
function profile(seconds: number, dir: string): { costs: Map<string, number>; events: number } {
  const out = join(dir, `callgrind-${seconds}`);
  const run = spawnSync(
    'valgrind',
    ['--tool=callgrind', '--dump-instr=yes', `--callgrind-out-file=${out}`, process.execPath, ...runnerFlags(), '--single-threaded', '--perf-basic-prof', '--import', 'tsx', CHILD, '--child', 'mm4', String(seconds)],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (run.status !== 0) throw new Error(`callgrind run failed:\n${run.stderr.slice(-2000)}`);
  const perfMap = `/tmp/perf-${run.pid}.map`;
  try {
    return { costs: costByFunction(out, readPerfMap(perfMap)), events: Number(run.stdout.trim()) };
  } finally {
    rmSync(perfMap, { force: true });
  }
}

try {
  execFileSync('valgrind', ['--version'], { stdio: 'ignore' });
} catch {
  console.log('valgrind is not installed (Debian: apt-get install valgrind); nothing measured.');
  process.exit(0);
}
const dir = mkdtempSync(join(tmpdir(), 'archsim-profile-'));
try {
  // Fill tsx's transform cache first, as bench:instructions does.
  spawnSync(process.execPath, [...runnerFlags(), '--import', 'tsx', CHILD, '--child', 'mm4', '1'], { stdio: 'ignore' });
  const short = profile(10, dir);
  const long = profile(210, dir);
  const events = long.events - short.events;
  const rows = [...long.costs].map(([name, cost]) => ({ name, perEvent: (cost - (short.costs.get(name) ?? 0)) / events }));
  rows.sort((a, b) => b.perEvent - a.perEvent);
  const total = rows.reduce((sum, r) => sum + r.perEvent, 0);
  console.log(`M/M/4 at ρ = 0.8: ${total.toFixed(0)} instructions per event (${events.toLocaleString('en-US')} events apart), by compiled function\n`);
  for (const row of rows.slice(0, SHOWN)) console.log(`${row.perEvent.toFixed(1).padStart(8)}  ${row.name}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
