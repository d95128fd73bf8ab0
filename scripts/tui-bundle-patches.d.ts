import type { Plugin } from 'esbuild';

/** The esbuild plugin that patches the TUI's libraries (see tui-bundle-patches.js). */
export declare const tuiBundlePatches: Plugin;
export declare const CACHE_LIMIT: number;
