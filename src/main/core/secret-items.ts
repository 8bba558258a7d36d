/** Names of the items wxtoken keeps in the keychain (one service, many items). */
export const secretItem = (accountName: string): string => `appsecret:${accountName}`;
