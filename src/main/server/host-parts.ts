/** The three contract methods the HTTP host answers itself (see core.ts `hostApi`). */
import { appError } from '../../shared/errors/errors';
import type { ServerStatus } from '../../shared/models';
import { fail, ok } from '../../shared/result';
import type { HostParts } from '../core/core';

/** `status` is read on each call, so it can name the server once it has started. */
export function httpHostParts(version: string, status: () => ServerStatus): HostParts {
  return {
    appInfo: async () => ok({ host: 'http', version, copiesInMain: false }),
    // The page copies with the browser's clipboard API after revealToken; this host has no clipboard.
    copyToken: async () => fail(appError('unsupported')),
    serverStatus: async () => ok(status()),
  };
}
