import { defineConfig } from 'drizzle-kit';

// Every module keeps its tables in a schema.ts of its own (src/modules.ts lists the modules);
// drizzle-kit finds them all by this pattern, so adding a domain needs no line here.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/platform/**/schema.ts', './src/identity/**/schema.ts', './src/domains/**/schema.ts'],
  out: './drizzle',
});
