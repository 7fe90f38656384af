/**
 * The embedded database has no OpenTelemetry instrumentation of its own: when tracing is on, the
 * tracing module installs a wrapper here that gives each statement a span; when off, nothing is
 * installed and opening the database does nothing more.
 */
type Instrument = (client: unknown) => void;

let instrument: Instrument | null = null;

export function setEmbeddedInstrumentation(fn: Instrument | null): void {
  instrument = fn;
}

/** Called by the database module with each PGlite client it opens. */
export function instrumentEmbedded(client: unknown): void {
  instrument?.(client);
}
