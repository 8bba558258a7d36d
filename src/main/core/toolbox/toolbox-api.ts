/** The toolbox part of the contract (issue 11), over the core's parts: tickets and signatures, look-ups, push. */
import type { ApiImpl } from '../../../shared/contract';
import { createJssdkCalls } from './jssdk-calls';
import { createLookupCalls, type LookupDeps } from './lookups';
import { createPushCalls } from './push-calls';
import type { TicketEngine } from '../tickets/ticket-engine';
import type { PushHistoryStore } from '../push/push-history-store';

export type ToolboxCall = 'getTicket' | 'signJsapi' | 'checkJsapi' | 'lookUpRid' | 'getQuota' | 'clearQuota' | 'setCallbackConfig' | 'pushMessage' | 'signCard' | 'listPushHistory';
export type ToolboxApi = Pick<ApiImpl, ToolboxCall>;

export function createToolboxApi(deps: LookupDeps & { tickets: TicketEngine; pushes: PushHistoryStore }): ToolboxApi {
  return {
    ...createJssdkCalls(deps.tickets),
    ...createLookupCalls(deps),
    ...createPushCalls(deps),
  };
}
