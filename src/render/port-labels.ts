/**
 * Port and stream labels for drawing: the model's Orkestrator-style labels (compact form),
 * re-exposed under the names the templates use.
 */
import type { Port, Stream } from '../model/types.js';
import { portTypeLabel as modelPortTypeLabel, streamLabel, portName as modelPortName } from '../model/labels.js';

/** Compact type label of one port (`?[ Image ]`). */
export function portTypeLabel(port: Port): string {
  return modelPortTypeLabel(port, { compact: true });
}

/** Compact label of a stream: its port types joined by " | ", or "Event" when empty. */
export function streamTypeLabel(stream: Stream): string {
  return streamLabel(stream);
}

/** The name shown for a port: its label, else its key. */
export function portName(port: Port): string {
  return modelPortName(port);
}
