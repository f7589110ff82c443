import { positionIn, type SourceError } from './program-source';

/** Longest message kept of a thrown value: a report line, not a dump. */
const MAX_MESSAGE = 2000;

/**
 * A readable message for anything a program can throw: an Error, a string, `Object.create(null)`,
 * an object whose getters throw, a Proxy that throws on every trap. Never throws itself.
 */
export function messageOf(value: unknown): string {
  return clip(attempt(() => describe(value)) ?? 'a value that cannot be shown');
}

/** An error as the report shows it: message, and the line in the learner's source when known. */
export function sourceErrorOf(error: unknown, url: string): SourceError {
  const message = messageOf(error);
  const stack = attempt(() => (isError(error) ? String(error.stack) : undefined));
  const at = attempt(() => positionIn(stack, url));
  return at ? { message, line: at.line, column: at.column } : { message };
}

function describe(value: unknown): string {
  if (isError(value)) {
    const name = attempt(() => String(value.name)) ?? 'Error';
    const message = attempt(() => String(value.message)) ?? '';
    return message.startsWith(name) ? message : `${name}: ${message}`;
  }
  if (typeof value === 'string') return `Uncaught ${value}`;
  if (typeof value !== 'object' && typeof value !== 'function') return `Uncaught ${String(value)}`;
  if (value === null) return 'Uncaught null';
  const json = attempt(() => JSON.stringify(value));
  const text = json ?? attempt(() => String(value));
  return `Uncaught ${typeof value === 'function' ? 'function' : 'object'} (not an Error)${
    text ? `: ${text}` : ''
  }`;
}

function isError(value: unknown): value is Error {
  return attempt(() => value instanceof Error) === true;
}

function attempt<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

function clip(text: string): string {
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text;
}
