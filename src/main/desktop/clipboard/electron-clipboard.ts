/** Electron's clipboard as the guard uses it: the token written with its concealed markers in one entry. */
import { clipboard, ClipboardItem } from 'electron';
import type { ClipboardLike } from './clipboard-guard';
import { concealedClipboardEntry } from './concealed';

export function electronClipboard(platform: NodeJS.Platform): ClipboardLike {
  return {
    readText: () => clipboard.readText(),
    writeText: (text) => clipboard.writeText(text),
    writeSecret: async (text) => {
      try {
        await clipboard.write([new ClipboardItem(concealedClipboardEntry(text, platform))]);
      } catch {
        // A platform that refuses a raw marker format still gets the text (the read-back checks it arrived).
        await clipboard.writeText(text);
      }
    },
  };
}
