import type { Command } from 'commander';
import type { ConnectionFlags } from './config.js';

/** The options every command takes (the program's), merged with its own. */
export type Opts = ConnectionFlags & { json?: boolean } & Record<string, unknown>;

/**
 * A command's action: it gets its arguments and all its options (global ones included) and
 * answers its exit code (0 when it returns nothing).
 */
export function action(run: (opts: Opts, ...args: string[]) => Promise<number | undefined>) {
  return async (...params: unknown[]) => {
    const command = params.at(-1) as Command;
    const args = params.slice(0, -2).map((a) => a as string | string[]);
    const flat = args.flatMap((a) => (Array.isArray(a) ? a : [a]));
    process.exitCode = (await run(command.optsWithGlobals() as Opts, ...flat)) ?? 0;
  };
}

/** A comma list option as an array: `a,b` -> [a, b]. */
export const commaList = (value: string): string[] =>
  value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
