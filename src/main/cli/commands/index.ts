import type { CommandSpec } from '../spec';
import { accountAdd } from './account/add';
import { accountEdit } from './account/edit';
import { accountRemove, accountSetSecret } from './account/secret';
import { accountList, accountShow } from './account/view';
import { callCommand } from './call';
import { completeNamesCommand, completionCommand } from './completion';
import { historyCommand } from './history';
import { redisCommands } from './redis';
import { serveCommand } from './serve';
import { resumeCommand, tokenCommand } from './token';
import { toolboxCommands } from './toolbox/index';

/** Every command, in the order help lists them. */
export const commands: CommandSpec[] = [
  accountAdd,
  accountList,
  accountShow,
  accountEdit,
  accountSetSecret,
  accountRemove,
  tokenCommand,
  callCommand,
  historyCommand,
  serveCommand,
  resumeCommand,
  ...redisCommands,
  ...toolboxCommands, // toolbox (issue 11)
  completionCommand,
  completeNamesCommand,
];

/** Words that only group commands (`wxtoken account …`). */
export const groups = ['account', 'redis', 'callback'];
