/** The body of `npm run bench:browser`'s Web Worker: the same warm-up and pairs as `npm run bench`. */
import { pairedHeapAndMm4, warmUp } from './pairs';

self.onmessage = (event: MessageEvent<number>) => {
  warmUp();
  postMessage(pairedHeapAndMm4(event.data));
};
