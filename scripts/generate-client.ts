import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

/** Where the typed client's path and schema types live, next to the hand-written wrapper. */
export const CLIENT_SCHEMA_PATH = fileURLToPath(new URL('../packages/client/src/schema.ts', import.meta.url));
const OPENAPI_PATH = fileURLToPath(new URL('../openapi.json', import.meta.url));

const HEADER = `// Generated from openapi.json by scripts/generate-client.ts (npm run openapi:export). Do not edit.\n\n`;

/** The client's types as openapi-typescript generates them from `document` (the checked-in one by default). */
export async function generateClientSchema(document = readFileSync(OPENAPI_PATH, 'utf8')): Promise<string> {
  const ast = await openapiTS(JSON.parse(document), { alphabetize: true });
  return HEADER + astToString(ast);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(CLIENT_SCHEMA_PATH, await generateClientSchema());
  process.stdout.write(`wrote ${CLIENT_SCHEMA_PATH}\n`);
}
