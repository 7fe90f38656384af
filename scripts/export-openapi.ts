import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LocalEventBus } from '../src/core/events/bus.js';
import type { Db } from '../src/db/client.js';
import { buildApp } from '../src/http/app.js';
import { MemoryPresenceStore } from '../src/realtime/memory-presence-store.js';

export const OPENAPI_PATH = fileURLToPath(new URL('../openapi.json', import.meta.url));

/** The OpenAPI document as the route schemas generate it, formatted as it is checked in. */
export async function generateOpenApiDocument(): Promise<string> {
  // Generating the document runs no request, so the app gets no real database.
  const unused = async () => {
    throw new Error('no database while generating the OpenAPI document');
  };
  const { app } = await buildApp({
    db: {} as Db,
    ping: unused,
    platform: { defaultOrgId: '00000000-0000-7000-8000-000000000000', masterKeyHash: '' },
    config: { logLevel: 'silent', bodyLimitBytes: 1_048_576, sseKeepAliveSeconds: 15 },
    now: () => new Date(),
    events: new LocalEventBus(),
    presence: new MemoryPresenceStore(60_000),
  });
  await app.ready();
  const document = `${JSON.stringify(app.swagger(), null, 2)}\n`;
  await app.close();
  return document;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(OPENAPI_PATH, await generateOpenApiDocument());
  process.stdout.write(`wrote ${OPENAPI_PATH}\n`);
}
