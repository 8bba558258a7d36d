/** How the CLI names an account's token source and where a token came from (issue 8). */
import type { Account, AccountSource, TokenOrigin } from '../../../shared/models';
import { keysFor } from '../../core/redis/formats';
import { L } from '../lang';
import type { Localized } from '../../../shared/result';

/** Where an account's token comes from, in the shape of a token's origin: `account list --json`'s `token_source`. */
export function sourceWhere(a: Pick<Account, 'source' | 'appid' | 'kind'>): TokenOrigin | { type: 'local' } {
  const s = a.source;
  if (!s) return { type: 'local' };
  if (s.type === 'share') return { type: 'share', where: s.redis };
  if (s.type === 'observe-url') return { type: 'observe-url', where: s.url };
  if (s.type === 'paste') return { type: 'paste' };
  // The first key the format reads (EasyWeChat's hold or hash the AppSecret: named by format only).
  const keys = s.format.startsWith('easywechat') ? undefined : keysFor(s.format, { appid: a.appid, kind: a.kind, agentid: s.agentid, componentAppid: s.componentAppid, template: s.key });
  return { type: 'observe', where: s.redis, ...(keys?.ok ? { key: keys.keys[0].key } : {}) };
}

/** The short column of `account list`. */
export function sourceBrief(a: Pick<Account, 'source' | 'appid' | 'kind'>): Localized {
  const w = sourceWhere(a);
  switch (w.type) {
    case 'local':
      return L('本机', 'this machine');
    case 'share':
      return L(`团队共享 ${w.where}`, `shared on ${w.where}`);
    case 'observe':
      return w.key ? L(`读取 ${w.where} ${w.key}`, `observed ${w.where} ${w.key}`) : L(`读取 ${w.where}（${(a.source as { format: string }).format}）`, `observed ${w.where} (${(a.source as { format: string }).format})`);
    case 'observe-url':
      return L(`读取 ${w.where}`, `observed ${w.where}`);
    case 'paste':
      return L('手动粘贴', 'pasted');
  }
}

export function sourceText(source: AccountSource | undefined): Localized {
  if (!source) return L('本机用 AppSecret 获取', 'fetched on this machine with the AppSecret');
  switch (source.type) {
    case 'share':
      return L(`通过 Redis ${source.redis} 与团队共享`, `shared with the team on Redis ${source.redis}`);
    case 'observe':
      return L(`读取 Redis ${source.redis}（${source.format}${source.key ? `，键 ${source.key}` : ''}），从不获取`, `read from Redis ${source.redis} (${source.format}${source.key ? `, key ${source.key}` : ''}); never fetched`);
    case 'observe-url':
      return L(`读取 ${source.url}，从不获取`, `read from ${source.url}; never fetched`);
    case 'paste':
      return L('手动设置（wxtoken token NAME --set），从不获取', 'set by hand (wxtoken token NAME --set); never fetched');
  }
}

export function originText(origin: TokenOrigin): Localized {
  const at = origin.key ? `${origin.key} @ ${origin.where ?? ''}` : (origin.where ?? '');
  switch (origin.type) {
    case 'observe':
    case 'observe-url':
      return L(`读取自 ${at}`, `read from ${at}`);
    case 'share':
      return L(`团队共享（${origin.where ?? ''}）${origin.fetchedBy ? `，由 ${origin.fetchedBy} 获取` : ''}`, `shared on ${origin.where ?? ''}${origin.fetchedBy ? `, fetched by ${origin.fetchedBy}` : ''}`);
    case 'paste':
      return L('手动设置', 'set by hand');
  }
}
