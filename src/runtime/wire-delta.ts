import { transfer } from 'comlink';
import { packEvents, unpackEvents } from '../trace/event-packing';
import type { LogDelta } from './live-log';

/**
 * A {@link LogDelta} as it crosses from the runner frame to the page: its events packed in one
 * transferred buffer. Cloned as objects, an eight-thread run's events cost the page's main thread
 * about a third of a second of deserializing and collecting garbage.
 */
export type WireDelta = Omit<LogDelta, 'events'> & { events: Float64Array };

/** Packs a delta, marking its buffer to be transferred by the Comlink call that carries it. */
export function toWire(delta: LogDelta): WireDelta {
  const events = packEvents(delta.events);
  return transfer({ ...delta, events }, [events.buffer]);
}

export function fromWire(wire: WireDelta): LogDelta {
  return { ...wire, events: unpackEvents(wire.events) };
}
