/**
 * What a program may not reach from its worker: other workers, the network, storage, and the
 * means to end or re-purpose the worker. Removed once, when the worker connects, before any
 * program code runs; each stays a property that throws a sentence saying why.
 */
const FORBIDDEN = [
  'Worker',
  'SharedWorker',
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'WebTransport',
  'EventSource',
  'BroadcastChannel',
  'importScripts',
  'indexedDB',
  'caches',
  'close',
  'postMessage',
] as const;

/**
 * Prototypes the runtime's own code calls through while program code runs beside it: frozen, so
 * a program cannot wrap a method to capture the runtime's port, buffers or replies.
 */
const FROZEN = [
  'MessagePort',
  'EventTarget',
  'MessageEvent',
  'Atomics',
  'SharedArrayBuffer',
  'Int32Array',
  'Uint16Array',
  'Float64Array',
  'BigInt64Array',
  'Uint8Array',
  'DataView',
  'JSON',
  'Object',
  'Array',
  'Function',
  'Promise',
  'Reflect',
  'Proxy',
  'Map',
  'Set',
  'WeakMap',
  'String',
  'Number',
  'Symbol',
  'Error',
  'URL',
  'Blob',
] as const;

export function hardenWorkerScope(): void {
  const scope = globalThis as unknown as Record<string, unknown>;
  for (const name of FORBIDDEN) {
    const message = `${name} is not available to thread programs: they cannot start workers, reach the network or storage, or end their worker.`;
    Object.defineProperty(scope, name, {
      get() {
        throw new TypeError(message);
      },
      configurable: false,
    });
  }
  const typedArray = Object.getPrototypeOf(Int32Array) as { prototype: object };
  freeze(typedArray);
  freeze(typedArray.prototype);
  for (const name of FROZEN) {
    const value = scope[name];
    freeze(value);
    if (typeof value === 'function') freeze((value as { prototype?: unknown }).prototype);
  }
}

function freeze(value: unknown): void {
  if ((typeof value === 'object' && value !== null) || typeof value === 'function')
    Object.freeze(value);
}
