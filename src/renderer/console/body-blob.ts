import { useEffect, useMemo } from 'react';

/** A blob: URL for a base64 body, revoked when the body changes or the view goes away. */
export function useBlobUrl(base64: string | undefined, contentType: string): string | undefined {
  const url = useMemo(() => {
    if (!base64) return undefined;
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    return URL.createObjectURL(new Blob([bytes], { type: contentType || 'application/octet-stream' }));
  }, [base64, contentType]);
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  return url;
}

/** A file name for "save as": from Content-Disposition, else from the content type. */
export function downloadName(headers: Record<string, string>, contentType: string): string {
  const disposition = Object.entries(headers).find(([k]) => k.toLowerCase() === 'content-disposition')?.[1];
  const named = disposition && /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1];
  if (named) return decodeURIComponent(named).replace(/[\\/]/g, '_');
  const ext = /image\/(png|jpe?g|gif|webp)|audio\/(amr|mpeg|mp3)|video\/(mp4)/i.exec(contentType);
  return `response.${(ext?.[1] ?? ext?.[2] ?? ext?.[3] ?? 'bin').replace('jpeg', 'jpg').replace('mpeg', 'mp3')}`;
}
