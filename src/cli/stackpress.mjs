#!/usr/bin/env node
// The bin: plain JS so it runs without a build; tsx loads the TypeScript sources at run time.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
