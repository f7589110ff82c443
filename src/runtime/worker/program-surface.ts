/**
 * The documented surface of every object a program can hold (docs/programs.md): the methods and
 * properties its facade forwards. Anything else the runtime's classes have (the heap, typed
 * arrays, offsets, internal helpers) is unreachable from program code.
 */
export type Surface = {
  methods: readonly string[];
  /** Read-only properties. */
  getters?: readonly string[];
  /** Read-write properties. */
  accessors?: readonly string[];
};

const ACQUIRABLE = ['acquire', 'tryAcquire', 'release', 'hold', 'with'] as const;

export const SURFACES = {
  Lock: { methods: [...ACQUIRABLE, 'locked'], getters: ['name'] },
  RLock: { methods: [...ACQUIRABLE, 'locked'], getters: ['name'] },
  Semaphore: { methods: ACQUIRABLE, getters: ['name', 'value'] },
  BoundedSemaphore: { methods: ACQUIRABLE, getters: ['name', 'value'] },
  Event: { methods: ['set', 'clear', 'isSet', 'wait'], getters: ['name'] },
  Condition: {
    methods: ['acquire', 'release', 'hold', 'with', 'wait', 'waitFor', 'notify', 'notifyAll'],
    getters: ['name', 'lock'],
  },
  Barrier: {
    methods: ['wait', 'abort', 'reset'],
    getters: ['name', 'broken', 'nWaiting', 'parties'],
  },
  Queue: {
    methods: ['put', 'get', 'putNowait', 'getNowait', 'taskDone', 'join', 'qsize', 'empty', 'full'],
    getters: ['name', 'maxsize'],
  },
  SharedInt: { methods: ['add', 'compareExchange'], getters: ['name'], accessors: ['value'] },
  SharedFloat: { methods: ['add', 'compareExchange'], getters: ['name'], accessors: ['value'] },
  SharedArray: {
    methods: ['get', 'set', 'add', 'compareExchange', 'toArray'],
    getters: ['name', 'length'],
  },
  Thread: {
    methods: ['start', 'join', 'isAlive'],
    getters: ['ident'],
    accessors: ['name', 'daemon'],
  },
  Timer: { methods: ['start', 'cancel', 'join'], accessors: ['daemon'] },
  ThreadPool: { methods: ['submit', 'map', 'shutdown'] },
  Future: { methods: ['result', 'done', 'exception', 'cancel'] },
} as const satisfies Record<string, Surface>;

export type SurfaceName = keyof typeof SURFACES;
