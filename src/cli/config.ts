import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/** One stored connection: where Roster is, the key to use and, for the master key, the org. */
export interface Profile {
  url?: string;
  key?: string;
  org?: string;
}

export interface ConfigFile {
  profiles: Record<string, Profile>;
}

export const DEFAULT_URL = 'http://127.0.0.1:8080';
export const DEFAULT_PROFILE = 'default';

/** `$XDG_CONFIG_HOME/roster/config.json`, `~/.config/roster/config.json` without it. */
export function configPath(env: NodeJS.ProcessEnv = process.env): string {
  const base =
    env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME !== '' ? env.XDG_CONFIG_HOME : join(homedir(), '.config');
  return join(base, 'roster', 'config.json');
}

export async function readConfig(path = configPath()): Promise<ConfigFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      return { profiles: {} };
    }
    throw err;
  }
  const parsed = JSON.parse(text) as Partial<ConfigFile>;
  return { profiles: parsed.profiles ?? {} };
}

/** Stores one profile; the file (it holds keys) is readable by its owner only, written atomically. */
export async function saveProfile(name: string, profile: Profile, path = configPath()): Promise<void> {
  const config = await readConfig(path);
  config.profiles[name] = profile;
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  await chmod(temporary, 0o600);
  await rename(temporary, path);
}

/** What the command line says about the connection (flags), before the environment and the profile. */
export interface ConnectionFlags {
  url?: string;
  key?: string;
  org?: string;
  profile?: string;
}

export interface Connection {
  url: string;
  key: string | undefined;
  org: string | undefined;
  profile: string;
}

/** Each setting from the flag, else the environment, else the profile (flag > env > profile). */
export async function resolveConnection(
  flags: ConnectionFlags,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Connection> {
  const profileName = flags.profile ?? env.ROSTER_PROFILE ?? DEFAULT_PROFILE;
  const config = await readConfig(configPath(env));
  const profile = config.profiles[profileName];
  if (profile === undefined && (flags.profile !== undefined || env.ROSTER_PROFILE !== undefined)) {
    throw new UsageError(`No profile "${profileName}" in ${configPath(env)} (create it with roster login)`);
  }
  const pick = (flag: string | undefined, envValue: string | undefined, stored: string | undefined) =>
    flag ?? (envValue !== undefined && envValue !== '' ? envValue : undefined) ?? stored;
  return {
    url: pick(flags.url, env.ROSTER_URL, profile?.url) ?? DEFAULT_URL,
    key: pick(flags.key, env.ROSTER_KEY, profile?.key),
    org: pick(flags.org, env.ROSTER_ORG, profile?.org),
    profile: profileName,
  };
}

/** A mistake in how the command was called: exit code 2. */
export class UsageError extends Error {}
