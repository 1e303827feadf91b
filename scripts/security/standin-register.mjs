import { register } from 'node:module';
register('./standin-hooks.mjs', import.meta.url);
