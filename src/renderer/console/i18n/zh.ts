/** The request console's own wording (zh-CN), merged into the app's dictionary in one line. */
export const consoleZh = {
  'console.sendAs': '以 {account} 身份发送',
  'console.sendAsHint': '用 {account} 的 token 发送（Ctrl/⌘+Enter）',
  'console.apiBase': 'API 地址',
  'console.placeholdersLeft': '发送前请替换这些占位符：{names}',
  'console.placeholderField': '占位符 {name}，需要替换为真实值',
  'console.bodyLine': '请求体第 {line} 行',
  'console.kindMismatch': '这个接口属于{kinds}，而 {account} 是{kind}：用它的 token 调用通常会得到 48001',
  'console.confirmTitle': '确认以 {account} 身份发送？',
  'console.confirmDestructive': '会修改或删除账号数据：',
  'console.confirmQuota': '会消耗有限的额度：',
  'console.confirmSend': '仍然发送',
  'console.kindLong.oa': '公众号',
  'console.kindLong.mp': '小程序',
  'console.kindLong.wecom': '企业微信',
  'console.kindOr': '或',
} as const;
