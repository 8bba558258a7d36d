/**
 * Imported first by main.tsx: zod decides per schema, when the schema is built, whether to compile its parser
 * with `new Function` — which the strict CSP (no 'unsafe-eval') refuses. Jitless before any schema exists.
 */
import { config } from 'zod';

config({ jitless: true });
