import type { Command } from 'commander';
import type { CommandContext } from '../../context.js';
import { defineGet } from './get.js';
import { defineList } from './list.js';
import { definePath } from './path.js';
import { defineSet } from './set.js';

const EXAMPLES = `
Examples:
  $ stockato config list
  $ stockato config set timezone America/New_York
  $ stockato config get cache.daily-ttl
  $ $EDITOR "$(stockato config path)"`;

export function define(command: Command, context: () => CommandContext): void {
  command.addHelpText('after', EXAMPLES);
  defineGet(command.command('get').description('print the value of one setting'), context);
  defineSet(command.command('set').description('change one setting (validated before it is written)'), context);
  defineList(command.command('list').description('every setting with its value and where it comes from'), context);
  definePath(command.command('path').description('print the config file path'), context);
}
