/**
 * Enough of a Worker for Comlink and the hosts, for tests: messages go over a Node
 * MessageChannel to an API exposed at its far end, and errors are dispatched by hand.
 */
import * as Comlink from 'comlink';
import { MessageChannel, type MessagePort } from 'node:worker_threads';

export class FakeWorker extends EventTarget {
  terminated = false;
  constructor(private readonly port: MessagePort) {
    super();
    port.on('message', (data) => this.dispatchEvent(new MessageEvent('message', { data })));
  }
  postMessage(message: unknown, transfer?: Transferable[]) {
    this.port.postMessage(message, transfer as never);
  }
  terminate() {
    this.terminated = true;
    this.port.close();
  }
}

/** A fake worker running `api` at the far end of a channel. */
export function workerRunning(api: object): FakeWorker {
  const { port1, port2 } = new MessageChannel();
  Comlink.expose(api, port2 as unknown as Comlink.Endpoint);
  return new FakeWorker(port1);
}
