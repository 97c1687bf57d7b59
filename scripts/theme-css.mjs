// `node scripts/theme-css.mjs`: writes src/styles/theme.css from the colour table of src/lib/theme.ts.
import { writeFileSync } from 'node:fs';
import { importTs } from './lib/import-ts.mjs';

const { themeCss } = await importTs('src/lib/theme.ts');
writeFileSync('src/styles/theme.css', themeCss());
console.log('Wrote src/styles/theme.css');
