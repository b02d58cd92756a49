#!/usr/bin/env node
import { runCli } from './run';

/** Entry point: run the CLI on the process arguments and exit with its code. */
process.exitCode = await runCli(process.argv);
