import type { consoleZh } from './zh';

/** The request console's own wording (English), the same keys as zh. */
export const consoleEn: Record<keyof typeof consoleZh, string> = {
  'console.sendAs': 'Send as {account}',
  'console.sendAsHint': 'Send with {account}’s token (Ctrl/⌘+Enter)',
  'console.apiBase': 'API base',
  'console.placeholdersLeft': 'Replace these placeholders before sending: {names}',
  'console.placeholderField': 'Placeholder {name}: replace it with a real value',
  'console.bodyLine': 'body line {line}',
  'console.kindMismatch': 'This endpoint is for {kinds}, and {account} is {kind}: its token usually gets 48001 here',
  'console.confirmTitle': 'Send as {account}?',
  'console.confirmDestructive': 'Changes or deletes the account’s data:',
  'console.confirmQuota': 'Spends a limited allowance:',
  'console.confirmSend': 'Send anyway',
  'console.kindLong.oa': 'an Official Account',
  'console.kindLong.mp': 'a Mini Program',
  'console.kindLong.wecom': 'WeCom',
  'console.kindOr': 'or',
  'console.snippets': 'Code snippet',
  'console.snippetLang': 'Snippet language',
  'console.snippetCode': 'Code',
  'console.copySnippet': 'Copy code',
  'console.snippet.fetch': 'JavaScript fetch',
  'console.snippet.python': 'Python requests',
  'console.snippet.okhttp': 'Java OkHttp',
  'console.answers': 'Response to',
  'console.draftChanged': 'The editor has changed since: this response answers the request above',
};
