/**
 * Issue 10: a file field for multipart endpoints (the catalogue's `form`). media/upload sends the chosen file as
 * multipart/form-data; the simulator stores it and media/get gives the same bytes back. A 5 MB file passes
 * through the browser host (whose other calls keep their 1 MB limit).
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { MEDIA_JPEG } from '../../simulator/business/images';
import { downloadedBytes } from '../../support/e2e/e2e-browser';
import { e2eSkipReason, useE2e } from '../../support/e2e/e2e-fixture';
import { ConsolePage } from '../pages/console';
import { SidebarPage } from '../pages/sidebar';
import { textsFor } from '../pages/texts';

const skip = e2eSkipReason();
if (skip) console.info(`[e2e] skipped: ${skip}`);

describe.skipIf(Boolean(skip))('multipart uploads from the console', () => {
  const e2e = useE2e();

  it('uploads a chosen file to media/upload and gets the same bytes back from media/get', async () => {
    await e2e().addAccount('upload-oa', { kind: 'oa' });
    const app = await e2e().open({ locale: 'en-US', colorScheme: 'light' });
    await new SidebarPage(app.page, 'en').select('upload-oa');
    const c = new ConsolePage(app.page, 'en');
    const t = textsFor('en');
    await c.pick('/cgi-bin/media/upload');
    const upload = c.section.getByRole('group', { name: t('console.formUpload'), exact: true });
    await upload.getByLabel('media', { exact: true }).setInputFiles({ name: 'pic.jpg', mimeType: 'image/jpeg', buffer: MEDIA_JPEG });
    expect(await c.body.count()).toBe(0);
    // "Copy as cURL" sends the chosen file as its form part (the token masked).
    await c.copyCurlButton.click();
    await expect.poll(() => c.clipboard()).toMatch(/^curl -sS -X POST '[^']*\/cgi-bin\/media\/upload\?access_token=ACCESS_TOKEN&type=image' -F 'media=@pic\.jpg;type=image\/jpeg'$/);
    await app.screenshot('console-upload.en.light');
    await c.send();
    expect(await c.responseError.count()).toBe(0);
    await c.response.getByRole('button', { name: t('console.raw'), exact: true }).click();
    const answer = JSON.parse(await c.response.getByRole('textbox', { name: t('console.rawBody'), exact: true }).inputValue()) as { media_id: string; type: string };
    expect(answer.type).toBe('image');

    await c.pick('/cgi-bin/media/get');
    await c.queryValue(1).fill(answer.media_id);
    await c.send();
    const [download] = await Promise.all([app.page.waitForEvent('download'), c.saveAs.click()]);
    expect((await downloadedBytes(download)).equals(MEDIA_JPEG)).toBe(true);
    await e2e().expectNoSecretLeak(app);
  });

  it('uploads a 5 MB image through the browser host (WeChat takes up to 10 MB) and gets every byte back', async () => {
    await e2e().addAccount('upload-big', { kind: 'oa' });
    const app = await e2e().open({ locale: 'zh-CN', colorScheme: 'dark' });
    await new SidebarPage(app.page, 'zh-CN').select('upload-big');
    const c = new ConsolePage(app.page, 'zh-CN');
    const t = textsFor('zh-CN');
    // A JPEG's head, then random bytes up to 5 MB: base64 in the JSON call makes it about 6.7 MB.
    const big = Buffer.concat([MEDIA_JPEG, randomBytes(5 * 1024 * 1024 - MEDIA_JPEG.length)]);
    // Chosen from disk, as a user would: a buffer would be decoded from base64 inside the page by Playwright
    // (~2 CPU-s here), which says nothing about the app.
    const dir = await mkdtemp(join(tmpdir(), 'wxtoken-upload-'));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    const file = join(dir, 'big.jpg');
    await writeFile(file, big);
    await c.pick('/cgi-bin/media/upload');
    const upload = c.section.getByRole('group', { name: t('console.formUpload'), exact: true });
    await upload.getByLabel('media', { exact: true }).setInputFiles(file);
    await c.send();
    expect(await c.responseError.count()).toBe(0);
    await c.response.getByRole('button', { name: t('console.raw'), exact: true }).click();
    const answer = JSON.parse(await c.response.getByRole('textbox', { name: t('console.rawBody'), exact: true }).inputValue()) as { media_id: string; type: string };
    expect(answer.type).toBe('image');

    await c.pick('/cgi-bin/media/get');
    await c.queryValue(1).fill(answer.media_id);
    await c.send();
    const [download] = await Promise.all([app.page.waitForEvent('download'), c.saveAs.click()]);
    expect((await downloadedBytes(download)).equals(big)).toBe(true);
  });
});
