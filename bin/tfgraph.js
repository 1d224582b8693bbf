#!/usr/bin/env node
// The tfgraph command: registers tsx so the TypeScript sources load, then hands over to src/cli.ts.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
