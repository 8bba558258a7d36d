/** The toolbox commands (issue 11), in the order help lists them. */
import type { CommandSpec } from '../../spec';
import { signCommand, ticketCommand } from './jssdk';
import { clearQuotaCommand, quotaCommand, ridCommand } from './lookups';

export const toolboxCommands: CommandSpec[] = [ticketCommand, signCommand, ridCommand, quotaCommand, clearQuotaCommand];
