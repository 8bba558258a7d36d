/** Console helpers: binary bodies' bytes, file names from odd headers, the catalogue search, masked history values. */
import { describe, expect, it } from 'vitest';
import { bytesOf, downloadName } from '../../../src/renderer/console/body-blob';
import { groupEndpoints } from '../../../src/renderer/console/endpoint-filter';
import { holdsMask } from '../../../src/renderer/store/console-slice';
import { ENDPOINTS } from '../../../src/shared/catalogue/index';

describe('console rules', () => {
  it('gives back every byte of a base64 body, the high ones included', () => {
    const bytes = Uint8Array.from({ length: 256 * 3 + 1 }, (_, i) => (i * 7) % 256);
    expect([...bytesOf(Buffer.from(bytes).toString('base64'))]).toEqual([...bytes]);
    expect(bytesOf('').length).toBe(0);
  });

  it('keeps a file name that is not valid percent-encoding instead of throwing during render', () => {
    expect(downloadName({ 'Content-Disposition': 'attachment; filename="50%off.jpg"' }, 'image/jpeg')).toBe('50%off.jpg');
    expect(downloadName({ 'content-disposition': "attachment; filename*=UTF-8''%E5%9B%BE.png" }, 'image/png')).toBe('图.png');
  });

  it('searches the catalogue like the core: every word must match, in either language or the path', () => {
    const paths = (q: string) => groupEndpoints(ENDPOINTS, 'oa', q).flatMap(([, list]) => list.map((e) => e.path));
    expect(paths('user get')).toContain('/cgi-bin/user/get');
    expect(paths('user nonsense-word')).toEqual([]);
    // Only the account kind's endpoints.
    expect(groupEndpoints(ENDPOINTS, 'wecom', '').flatMap(([, l]) => l).every((e) => e.kinds.includes('wecom'))).toBe(true);
  });

  it('spots history values masked as ***', () => {
    expect(holdsMask({ query: [['secret', '***']] })).toBe(true);
    expect(holdsMask({ query: [['openid', 'o1']], body: '{"password": "***"}' })).toBe(true);
    expect(holdsMask({ query: [['openid', 'o1']], body: '{"touser": "o1"}' })).toBe(false);
  });
});
