/** callContract: the one validate-call-catch step every host (HTTP, IPC) makes. */
import { describe, expect, it } from 'vitest';
import { callContract } from '../../../src/main/call-contract';
import { FAKE_SECRET, FAKE_TOKEN, makeFakeApi } from '../../support/http/fake-api';

describe('callContract', () => {
  it('refuses invalid input before the implementation runs', async () => {
    const fake = makeFakeApi();
    const result = await callContract(fake.api, 'tokenStatus', { name: '' });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation', field: 'name' } });
    expect(fake.calls.get('tokenStatus')).toBeUndefined();
  });

  it('treats a missing input as {} and hands the parsed (trimmed) value over', async () => {
    const fake = makeFakeApi();
    expect(await callContract(fake.api, 'listAccounts', undefined)).toMatchObject({ ok: true });
    expect(await callContract(fake.api, 'revealToken', { name: ' demo ' })).toMatchObject({ ok: true, value: { account: 'demo', accessToken: FAKE_TOKEN } });
  });

  it('turns a throw into internal without any of its text', async () => {
    const fake = makeFakeApi();
    const result = await callContract(fake.api, 'revealToken', { name: 'explodes' });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain(FAKE_SECRET);
    expect(JSON.stringify(result)).not.toContain(FAKE_TOKEN);
  });
});
