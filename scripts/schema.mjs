// `npm run schema`: writes content/schema/*.schema.json from the zod schema, for editors
// (the YAML files point yaml-language-server at them). A test fails when they are stale.
import { mkdirSync, writeFileSync } from 'node:fs';
import { importTs } from './lib/import-ts.mjs';

const { contentJsonSchemas } = await importTs('src/lib/timeline/json-schema.ts');
mkdirSync('content/schema', { recursive: true });
for (const [name, schema] of Object.entries(contentJsonSchemas())) {
  writeFileSync(`content/schema/${name}`, JSON.stringify(schema, null, 2) + '\n');
  console.log(`wrote content/schema/${name}`);
}
