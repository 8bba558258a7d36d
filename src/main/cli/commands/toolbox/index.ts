/** The toolbox commands (issue 11), in the order help lists them. */
import type { CommandSpec } from '../../spec';
import { signCommand, ticketCommand } from './jssdk';
import { clearQuotaCommand, quotaCommand, ridCommand } from './lookups';
import { callbackSetCommand, pushCommand } from './push';

export const toolboxCommands: CommandSpec[] = [ticketCommand, signCommand, ridCommand, quotaCommand, clearQuotaCommand, callbackSetCommand, pushCommand];
