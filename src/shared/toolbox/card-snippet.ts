import type { CardSignature } from './models';

/** One card for wx.addCard; cardExt is the JSON string the page passes as it is (the CLI and the JS-SDK panel print it). */
export function addCardSnippet(s: CardSignature): string {
  return `wx.addCard({\n  cardList: [{\n    cardId: '${s.cardId}',\n    cardExt: '${s.cardExt}',\n  }],\n});`;
}
