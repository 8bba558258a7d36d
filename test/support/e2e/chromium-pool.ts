/**
 * vitest globalSetup: Chromiums shared by the e2e spec files, so a file does not start (and stop) its own.
 * A worker process leases a browser and keeps it for the files it runs, one after another; its lease ends when
 * the process is gone. A browser is launched only when every one is leased, so there are never more than the
 * workers, and none at all in a run without e2e files. Why leased, not one for all: Chromium's clipboard is one
 * per browser, and the specs copy and read it; a leased browser is used by one file at a time. app-pages.ts
 * gives each test the app loaded anew.
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

interface Pooled {
  server: BrowserServer;
  /** The process holding the lease, if any. */
  leasedBy?: number;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (chromiumMissing()) {
    project.provide('chromiumPool', '');
    return async () => {};
  }
  const pool: Pooled[] = [];
  const launching = new Set<Promise<BrowserServer>>();

  async function lease(pid: number): Promise<Pooled> {
    // A worker that ended holds its lease no more (its connection, and with it its pages, closed with it).
    const idle = pool.find((p) => p.leasedBy === undefined || !alive(p.leasedBy));
    if (idle) {
      idle.leasedBy = pid;
      return idle;
    }
    const starting = chromium.launchServer(CHROMIUM_LAUNCH);
    launching.add(starting);
    try {
      const pooled = { server: await starting, leasedBy: pid };
      pool.push(pooled);
      return pooled;
    } finally {
      launching.delete(starting);
    }
  }

  const http = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://pool');
    if (url.pathname === LEASE_PATH) {
      const pid = Number(url.searchParams.get('pid'));
      if (!Number.isInteger(pid) || pid <= 0) {
        res.statusCode = 400;
        res.end('lease?pid=N: the process that holds the lease');
        return;
      }
      lease(pid).then(
        (p) => res.end(p.server.wsEndpoint()),
        (err: Error) => {
          res.statusCode = 500;
          res.end(err.message);
        },
      );
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
