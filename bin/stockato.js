#!/usr/bin/env node
// The launcher: it starts the built CLI and does nothing else.
import { main } from '../dist/main.js';

process.exitCode = await main(process.argv);
