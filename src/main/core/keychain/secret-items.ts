/** Names of the items wxtoken keeps in the keychain (one service, many items). */
export const secretItem = (accountName: string): string => `appsecret:${accountName}`;
/** The token cache's encryption key (see token-cache.ts). */
export const CACHE_KEY_ITEM = 'cache-key';
