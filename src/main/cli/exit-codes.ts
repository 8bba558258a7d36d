import type { AppError } from '../../shared/result';

/** The CLI's exit codes: scripts branch on these, so they never change meaning. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
export const EXIT_WECHAT = 3;
export const EXIT_NETWORK = 4;
export const EXIT_KEYCHAIN = 5;

export type ExitCode = 0 | 1 | 2 | 3 | 4 | 5;

export function exitCodeFor(error: AppError): ExitCode {
  switch (error.code) {
    case 'validation':
    case 'conflict':
    case 'not_found': // an account or connection name that does not exist is a mistake in the command
      return EXIT_USAGE;
    case 'wechat':
    case 'fetch_blocked': // 45009 was seen: WeChat's daily quota
      return EXIT_WECHAT;
    case 'network':
    case 'timeout':
    case 'bad_response':
    case 'truncated':
    case 'http_status':
    case 'redis_unreachable':
      return EXIT_NETWORK;
    case 'keychain_unavailable':
    case 'secret_missing':
      return EXIT_KEYCHAIN;
    default:
      return EXIT_FAILURE;
  }
}
