/** Command-line arguments of the headless runner, checked strictly: a typo is an error, not a default. */
import { LIMITS } from '../model';

export class UsageError extends Error {}

export interface CliArgs {
  file: string;
  durationS?: number;
  warmupS?: number;
  seed?: number;
  /** Grade the design against this practice scenario instead of printing its figures. */
  scenario?: string;
  /** Compare values of one param instead: `target.key` or `target.key=v1,v2,…` (node or edge id). */
  compare?: string;
  json: boolean;
  /** Print the run's seconds as CSV (a row per simulated second) instead of its figures. */
  csv: boolean;
  help: boolean;
}

export function parseArgs(argv: string[]): CliArgs {
  const args: CliArgs = { file: '', json: false, csv: false, help: false };
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--json':
        args.json = true;
        break;
      case '--csv':
        args.csv = true;
        break;
      case '--help':
      case '-h':
        args.help = true;
        break;
      case '--duration':
        args.durationS = seconds(flag, value(), false);
        break;
      case '--warmup':
        args.warmupS = seconds(flag, value(), true);
        break;
      case '--scenario':
        args.scenario = value();
        break;
      case '--compare':
        args.compare = value();
        break;
      case '--seed': {
        const v = value();
        const n = Number(v);
        if (!/^\d+$/.test(v) || n > 0xffffffff) throw new UsageError(`--seed must be a whole number from 0 to 4294967295, got '${v}'`);
        args.seed = n;
        break;
      }
      default:
        if (flag.startsWith('-')) throw new UsageError(`unknown option ${flag}`);
        files.push(arg);
    }
  }
  if (args.help) return args;
  if (args.scenario !== undefined && args.compare !== undefined) throw new UsageError('--scenario and --compare cannot go together');
  if (args.csv && args.json) throw new UsageError('--csv and --json cannot go together: pick one format');
  if (args.csv && (args.scenario !== undefined || args.compare !== undefined)) {
    throw new UsageError('--csv prints one run’s seconds: it does not go with --scenario or --compare');
  }
  if (args.scenario !== undefined && (args.durationS !== undefined || args.warmupS !== undefined || args.seed !== undefined)) {
    throw new UsageError('--scenario runs the brief’s own seed and length: drop --duration, --warmup and --seed');
  }
  if (files.length !== 1) throw new UsageError(files.length === 0 ? 'no design file given' : `expected one design file, got ${files.length}`);
  args.file = files[0];
  return args;
}

function seconds(flag: string, text: string, zeroAllowed: boolean): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || n < 0 || (!zeroAllowed && n === 0) || n > LIMITS.maxDurationS) {
    const range = zeroAllowed ? 'zero or more' : 'more than zero';
    throw new UsageError(`${flag} must be a number of seconds, ${range} and at most ${LIMITS.maxDurationS}, got '${text}'`);
  }
  return n;
}
