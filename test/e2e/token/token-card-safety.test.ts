/**
 * The token card's safety rules, as a user sees them: an expired classic token is never re-fetched without
 * the user asking (that would kill production's token), and a revealed token never shows on another account.
 */
import { describe, expect, it } from 'vitest';
import { e2eSkipReason, useE2e } from '../../support/e2e/e2e-fixture';
import { SidebarPage } from '../pages/sidebar';
import { textsFor } from '../pages/texts';
import { TokenCardPage } from '../pages/token-card';

const skip = e2eSkipReason();
if (skip) console.info(`[e2e] skipped: ${skip}`);

const LIFETIME_S = 3;

describe.skipIf(Boolean(skip))('renderer review fixes', () => {
  const e2e = useE2e({ expiresIn: LIFETIME_S });
  const t = textsFor('en');

  it('leaves an expired classic token alone until the user asks for a new one', async () => {
    const { stack } = e2e();
    await e2e().addAccount('classic-only', { kind: 'mp' }, 'classic');
    const app = await e2e().open({ locale: 'en-US' });
    await new SidebarPage(app.page, 'en').select('classic-only');
    const card = new TokenCardPage(app.page, 'en');
    await card.ensureToken(t('token.noneYet'));
    const fetched = stack.sim.count('/cgi-bin/token');

    // Runs out by itself: the card offers "Get token" and says it expired, and nothing was fetched.
    await card.getButton.waitFor({ timeout: LIFETIME_S * 1000 + 5_000 });
    await card.card.getByText(t('state.expired'), { exact: true }).waitFor();
    expect(await card.getButton.isEnabled()).toBe(true);
    expect(stack.sim.count('/cgi-bin/token')).toBe(fetched);

    await card.getButton.click();
    await card.refreshButton.waitFor();
    expect(stack.sim.count('/cgi-bin/token')).toBe(fetched + 1);
    await e2e().expectNoSecretLeak(app);
  });

  it('hides a revealed token when another account is selected', async () => {
    await e2e().addAccount('reveal-a', { kind: 'oa' }, 'stable');
    await e2e().addAccount('reveal-b', { kind: 'oa' }, 'stable');
    const app = await e2e().open({ locale: 'en-US' });
    const sidebar = new SidebarPage(app.page, 'en');
    const card = new TokenCardPage(app.page, 'en');
    await sidebar.select('reveal-a');
    const maskedA = await card.ensureToken(t('token.noneYet'));
    await card.card.getByRole('button', { name: t('token.reveal'), exact: true }).click();
    await expect.poll(() => card.shown()).not.toBe(maskedA);
    const revealedA = await card.shown();

    await sidebar.select('reveal-b');
    await expect.poll(() => card.accountName()).toBe('reveal-b');
    expect(await card.shown()).not.toBe(revealedA);
    expect(await card.card.getByRole('button', { name: t('token.reveal'), exact: true }).getAttribute('aria-pressed')).toBe('false');
  });
});
