/**
 * A WeChat server on 127.0.0.1 for tests and demos (wechat-api.md §1, §2, §5–§7): token endpoints, business
 * endpoints that check the token, switchable faults, per-path request counts, and the same controls over
 * HTTP under /__sim/.
 */
import type { SimAccount } from './types';

export type { Fault, SimAccount, Simulator, SimulatorOptions } from './types';
export { startSimulator } from './server';
export { connectSimulator, type RemoteSimulator } from './remote';
export { SIM_MEDIA_ID, SIM_PHONE_CODE, SIM_TEMPLATE_ID, followers as simFollowers, sampleValues as simSampleValues, placeholderValues as simPlaceholderValues } from './business/data';

/** A ready-made Official Account: test data only, never a real credential. */
export const DEMO_ACCOUNT: SimAccount = {
  appid: 'wx5f3c9a1e7b2d4c60',
  secret: '9c1e4b7a2f8d3c6e0a5b9d2f7c4e1a83',
  kind: 'oa',
};
