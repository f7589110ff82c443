// The worker API evaluates a program by importing it from a blob: URL, one URL per evaluation so
// every thread runs the top level anew. Node's module loader imports data: URLs but not blob:
// ones, so in Node tests each program blob gets a unique data: URL carrying the same text
// instead. Everything else (evaluation, globals, the heap, naming, error positions) is the real
// code path.

const texts = new WeakMap<Blob, string>();
let evaluations = 0;

/** Makes URL.createObjectURL return importable data: URLs for the blobs created from now on. */
export function importBlobsAsDataUrls(): void {
  const NodeBlob = globalThis.Blob;
  globalThis.Blob = class TextBlob extends NodeBlob {
    constructor(parts?: BlobPart[], options?: BlobPropertyBag) {
      super(parts, options);
      texts.set(this, (parts ?? []).map(String).join(''));
    }
  };
  URL.createObjectURL = (blob: Blob) => {
    const text = texts.get(blob);
    if (text === undefined) throw new Error('Only blobs made of strings can be imported here.');
    // The `n` parameter makes each URL unique, as a blob URL is: Node caches modules by URL.
    return `data:text/javascript;n=${++evaluations};base64,${Buffer.from(text).toString('base64')}`;
  };
  URL.revokeObjectURL = () => {};
}
