/** `wxtoken sign NAME --card …`: wx.addCard's cardExt signed with the account's wx_card api_ticket. */
import { addCardSnippet } from '../../../../shared/toolbox/card-snippet';
import type { Context } from '../../context';
import { fields, json } from '../../output/format';
import { L } from '../../lang';
import { arg, flag, stringValue, UsageFailure, type CommandSpec, type OptionSpec, type ParsedArgs } from '../../spec';
import { cardSignatureJson } from './toolbox-json';

export const cardOptions: Record<string, OptionSpec> = {
  card: { type: 'boolean', help: L('生成卡券签名（wx.addCard 的 cardExt），使用账号的 wx_card api_ticket', "sign a card extension (wx.addCard's cardExt) with the account's wx_card api_ticket") },
  'card-id': { type: 'string', arg: 'ID', help: L('卡券 card_id（与 --card 一起使用）', 'the card_id (with --card)') },
  code: { type: 'string', arg: 'C', help: L('指定的卡券 code（可选）', 'the card code, if the card has one set (optional)') },
  openid: { type: 'string', arg: 'O', help: L('只允许这个 openid 领取（可选）', 'only this openid may take the card (optional)') },
};

export async function runCardSign(ctx: Context, parsed: ParsedArgs, spec: CommandSpec): Promise<number> {
  for (const other of ['url', 'check', 'type']) {
    if (stringValue(parsed, other) !== undefined) {
      throw new UsageFailure(other === 'url' ? L('--card 签的是卡券，不是网页：去掉 --url', '--card signs a card, not a page: leave out --url') : L(`--card 不能和 --${other} 一起使用`, `--card does not take --${other}`), spec);
    }
  }
  const cardId = stringValue(parsed, 'card-id');
  if (cardId === undefined) throw new UsageFailure(L('--card 需要 --card-id', '--card needs --card-id'), spec);
  const timestamp = stringValue(parsed, 'timestamp');
  if (timestamp !== undefined && !/^\d{1,11}$/.test(timestamp)) throw new UsageFailure(L('--timestamp 是整数秒', '--timestamp is whole seconds'), spec);
  const optional = (key: 'code' | 'openid' | 'nonce') => stringValue(parsed, key);
  const [code, openid, nonce] = [optional('code'), optional('openid'), optional('nonce')];
  const signed = await ctx.call('signCard', {
    name: arg(parsed, 'NAME'),
    cardId,
    ...(code !== undefined ? { code } : {}),
    ...(openid !== undefined ? { openid } : {}),
    ...(nonce !== undefined ? { nonceStr: nonce } : {}),
    ...(timestamp !== undefined ? { timestamp: Number(timestamp) } : {}),
  });
  if (flag(parsed, 'json')) {
    ctx.io.out(json(cardSignatureJson(signed)));
    return 0;
  }
  ctx.say(fields([
    ['card_id', signed.cardId],
    ...(signed.code !== undefined ? [['code', signed.code] as [string, string]] : []),
    ...(signed.openid !== undefined ? [['openid', signed.openid] as [string, string]] : []),
    ['timestamp', String(signed.timestamp)],
    ['nonce_str', signed.nonceStr],
    ['signature', signed.signature],
    [ctx.t(L('签名字符串（值排序后拼接）', 'signed (the values sorted, joined)')), signed.stringToSign],
  ]));
  ctx.say('');
  ctx.io.out(`${addCardSnippet(signed)}\n`);
  return 0;
}
