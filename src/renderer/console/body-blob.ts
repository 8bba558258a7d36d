import { useEffect, useState } from 'react';

/**
 * A blob: URL for a base64 body, revoked when the body changes or the view goes away. Made in the effect
 * (not in useMemo) so StrictMode's mount–unmount–mount in dev makes a new URL instead of revoking the shown one.
 */
export function useBlobUrl(base64: string | undefined, contentType: string): string | undefined {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (!base64) {
      setUrl(undefined);
      return;
    }
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const made = URL.createObjectURL(new Blob([bytes], { type: contentType || 'application/octet-stream' }));
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [base64, contentType]);
  return url;
}

/** `50%off.jpg` is not valid percent-encoding: keep such a name as it was sent. */
function decodeName(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** A file name for "save as": from Content-Disposition, else from the content type. */
export function downloadName(headers: Record<string, string>, contentType: string): string {
  const disposition = Object.entries(headers).find(([k]) => k.toLowerCase() === 'content-disposition')?.[1];
  const named = disposition && /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1];
  if (named) return decodeName(named).replace(/[\\/]/g, '_');
  const ext = /image\/(png|jpe?g|gif|webp)|audio\/(amr|mpeg|mp3)|video\/(mp4)/i.exec(contentType);
  return `response.${(ext?.[1] ?? ext?.[2] ?? ext?.[3] ?? 'bin').replace('jpeg', 'jpg').replace('mpeg', 'mp3')}`;
}
