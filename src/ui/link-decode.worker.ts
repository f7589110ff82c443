import { demos } from '../demos/catalogue';
import { decodeHash } from '../share/url-state';
import { lookupOf } from './demo-lookup';

// Decodes a large share link off the page's main thread: a link crafted to expand without bound
// (lz-string has no output cap) can then only cost this worker, which the page terminates.
self.onmessage = (event: MessageEvent<{ hash: string; defaultDemo: string }>) => {
  const { hash, defaultDemo } = event.data;
  self.postMessage(decodeHash(hash, lookupOf(demos), { defaultDemo }));
};
