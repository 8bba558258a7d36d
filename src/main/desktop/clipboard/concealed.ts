/**
 * The clipboard entry for a token: the text plus the markers clipboard managers and history honour, so
 * the token does not linger in Windows' clipboard history or cloud clipboard, KDE's Klipper or macOS
 * Universal Clipboard / history tools (the nspasteboard.org convention). Written in one `clipboard.write`,
 * which Electron commits atomically.
 */

/** Electron's name for a raw, platform-specific clipboard format. */
export const rawFormat = (format: string) => `electron application/osclipboard;format="${format}"`;

/** A Windows clipboard DWORD 0 ("no"): four zero bytes. */
const DWORD_ZERO = () => new Blob([new Uint8Array(4)]);

export function concealedClipboardEntry(text: string, platform: NodeJS.Platform): Record<string, string | Blob> {
  const entry: Record<string, string | Blob> = { 'text/plain': text };
  if (platform === 'win32') {
    entry[rawFormat('ExcludeClipboardContentFromMonitorProcessing')] = new Blob([new Uint8Array(1)]);
    entry[rawFormat('CanIncludeInClipboardHistory')] = DWORD_ZERO();
    entry[rawFormat('CanUploadToCloudClipboard')] = DWORD_ZERO();
  } else if (platform === 'darwin') {
    entry[rawFormat('org.nspasteboard.ConcealedType')] = '';
  } else {
    entry[rawFormat('x-kde-passwordManagerHint')] = 'secret';
  }
  return entry;
}
