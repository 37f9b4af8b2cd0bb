#!/usr/bin/env node
// The `portico` command: loads the TypeScript CLI through tsx, as `npm start` runs the server.
import { register } from 'tsx/esm/api';

register();
await import('../server/src/cli/main.ts');
