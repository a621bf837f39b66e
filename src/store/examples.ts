/**
 * The example designs: JSON files in /examples, the same ones the CLI runs. The default one
 * ships in the first bundle; the others load when picked.
 */
import { restore, type Design } from '../model';
import defaultExample from '../../examples/default.json';

export interface ExampleEntry {
  file: string;
  title: string;
}

/** In menu order; titles say what each one teaches. */
export const EXAMPLES: ExampleEntry[] = [
  { file: 'default', title: 'Web app with a cache (default)' },
  { file: 'lb-comparison', title: 'Load balancing: one slow server' },
  { file: 'read-heavy-cache', title: 'Read-heavy API with a CDN and cache' },
  { file: 'write-heavy-queue', title: 'Write-heavy ingest behind a queue' },
  { file: 'kafka-hot-partition', title: 'Kafka topic: a hot key makes a hot partition' },
  { file: 'sharded-hot-shard', title: 'Sharded database with a hot shard' },
  { file: 'rate-limited-api', title: 'Rate-limited API under a spike' },
  { file: 'retry-storm', title: 'Retry storm: a 5-second spike, then down for good' },
  { file: 'graceful-degradation', title: 'Graceful degradation: recommendations down, pages still served' },
  { file: 'fan-out-tail', title: 'Search fan-out: the slowest shard sets the latency' },
  { file: 'hedged-requests', title: 'Hedged requests: a second copy cuts the tail' },
];

// The default is already in the first bundle; the glob leaves it out so it is not also a lazy chunk.
const loaders = import.meta.glob<{ default: unknown }>(['../../examples/*.json', '!../../examples/default.json']);

export function defaultDesign(): Design {
  const result = restore(defaultExample);
  if (!result.ok) throw new Error(`examples/default.json is invalid: ${result.problems[0].message}`);
  return result.design;
}

export async function loadExample(file: string): Promise<Design> {
  if (file === 'default') return defaultDesign();
  const load = loaders[`../../examples/${file}.json`];
  if (!load) throw new Error(`There is no example called ${file}.`);
  const result = restore((await load()).default);
  if (!result.ok) throw new Error(`The example ${file} is invalid: ${result.problems[0].message}`);
  return result.design;
}
