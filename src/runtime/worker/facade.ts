import type { Surface } from './program-surface';

/** The runtime object behind a facade, or undefined for anything else. */
let targetOf: (value: unknown) => object | undefined = () => undefined;

/**
 * What program code holds instead of the runtime's objects. The runtime object sits in a
 * private field, which no program code can read (no property, no reflection, no prototype trick
 * reaches it); the facade forwards only the documented surface.
 */
export class ProgramObject {
  readonly #target: object;

  constructor(target: object) {
    this.#target = target;
  }

  static {
    targetOf = (value) =>
      typeof value === 'object' && value !== null && #target in value ? value.#target : undefined;
  }

  /** How a facade travels inside JSON (thread arguments, results): as its runtime object does. */
  toJSON(): unknown {
    const target = this.#target as { toJSON?: () => unknown };
    return typeof target.toJSON === 'function' ? target.toJSON() : {};
  }
}

/** Turns facades inside a program's arguments back into the runtime objects they stand for. */
export function unwrapArgs(args: readonly unknown[]): unknown[] {
  return args.map((a) => targetOf(a) ?? a);
}

/** The runtime object behind `facade`; a TypeError naming `what` when it is not one. */
export function targetFor(facade: unknown, what: string): object {
  const target = targetOf(facade);
  if (!target) throw new TypeError(`${what} must be called on the object itself.`);
  return target;
}

/**
 * Defines a facade class: `construct(args)` makes the runtime object for `new Name(...args)`;
 * `wrap` turns runtime objects a member returns back into facades. The runtime objects' own
 * methods are where the GIL and step mode hook in (program-globals.ts bindClass).
 */
export function facadeClass(
  name: string,
  surface: Surface,
  construct: (args: unknown[]) => object,
  wrap: (value: unknown) => unknown,
): new (...args: unknown[]) => ProgramObject {
  const Facade = class extends ProgramObject {
    constructor(...args: unknown[]) {
      super(adopting ?? construct(unwrapArgs(args)));
    }
  };
  Object.defineProperty(Facade, 'name', { value: name });
  const proto = Facade.prototype as object;
  for (const member of surface.methods) {
    Object.defineProperty(proto, member, {
      value: function (this: unknown, ...args: unknown[]) {
        const target = targetFor(this, `${name}.${member}()`) as Record<string, unknown>;
        const inner = unwrapArgs(args);
        const method = target[member] as (...a: unknown[]) => unknown;
        return wrap(method.apply(target, inner));
      },
      writable: true,
      configurable: true,
    });
  }
  const property = (member: string, writable: boolean) =>
    Object.defineProperty(proto, member, {
      get(this: unknown) {
        const target = targetFor(this, `${name}.${member}`) as Record<string, unknown>;
        return wrap(target[member]);
      },
      set: writable
        ? function (this: unknown, value: unknown) {
            const target = targetFor(this, `${name}.${member}`) as Record<string, unknown>;
            target[member] = targetOf(value) ?? value;
          }
        : undefined,
      configurable: true,
    });
  for (const member of surface.getters ?? []) property(member, false);
  for (const member of surface.accessors ?? []) property(member, true);
  return Facade;
}

/** Set only while {@link adopt} builds a facade around an existing runtime object. */
let adopting: object | null = null;

/** A facade of class `Facade` for an existing runtime object (e.g. one passed to a thread). */
export function adopt<T>(Facade: new (...args: unknown[]) => T, target: object): T {
  adopting = target;
  try {
    return new Facade();
  } finally {
    adopting = null;
  }
}
