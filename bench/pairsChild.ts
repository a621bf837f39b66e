/**
 * Child of `npm run bench`: the heap-loop and M/M/4 pairs under whatever flags this Node was
 * started with, printed as JSON, so the bench can show them under Node's defaults too.
 */
import { pairedHeapAndMm4, warmUp } from './pairs';

warmUp();
const { ratio, ratios } = pairedHeapAndMm4(Number(process.argv[2] ?? 3));
console.log(JSON.stringify({ ratio, ratios }));
