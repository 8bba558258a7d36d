/**
 * vitest globalSetup: Chromiums shared by the e2e spec files, so a file no longer starts (and stops) its own.
 * A file leases a browser for its whole run and gives it back at the end; a browser is launched only when
 * every one is leased, so there are never more than the files running at once (no more than the workers),
 * and none at all in a run without e2e files. Why leased, not one for all: Chromium's clipboard is one per
 * browser, and the specs copy and read it; a leased browser is used by one file at a time, as before.
 * Within a file, app-pages.ts gives each test the app loaded anew.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type BrowserServer } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_LAUNCH, chromiumMissing } from './e2e-browser';

declare module 'vitest' {
  export interface ProvidedContext {
    /** `http://127.0.0.1:PORT` of the lease service; empty when there is no Chromium here. */
    chromiumPool: string;
  }
}

export const LEASE_PATH = '/lease';
export const RETURN_PATH = '/return';

interface Pooled {
  server: BrowserServer;
  leased: boolean;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (chromiumMissing()) {
    project.provide('chromiumPool', '');
    return async () => {};
  }
  const pool: Pooled[] = [];
  const launching = new Set<Promise<BrowserServer>>();

  async function lease(): Promise<Pooled> {
    const idle = pool.find((p) => !p.leased);
    if (idle) {
      idle.leased = true;
      return idle;
    }
    const starting = chromium.launchServer(CHROMIUM_LAUNCH);
    launching.add(starting);
    try {
      const pooled = { server: await starting, leased: true };
      pool.push(pooled);
      return pooled;
    } finally {
      launching.delete(starting);
    }
  }

  const http = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://pool');
    if (url.pathname === LEASE_PATH) {
      lease().then(
        (p) => res.end(p.server.wsEndpoint()),
        (err: Error) => {
          res.statusCode = 500;
          res.end(err.message);
        },
      );
      return;
    }
    if (url.pathname === RETURN_PATH) {
      const returned = pool.find((p) => p.server.wsEndpoint() === url.searchParams.get('ws'));
      if (returned) returned.leased = false;
      res.end();
      return;
    }
    res.statusCode = 404;
    res.end();
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  project.provide('chromiumPool', `http://127.0.0.1:${(http.address() as AddressInfo).port}`);

  return async () => {
    http.close();
    await Promise.allSettled(launching);
    await Promise.allSettled(pool.map((p) => p.server.close()));
  };
}
