/** How the CLI names an account's token source and where a token came from (issue 8). */
import type { AccountSource, TokenOrigin } from '../../../shared/models';
import { L } from '../lang';
import type { Localized } from '../../../shared/result';

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
