import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    // A hang detector, not a speed target: a CLI test runs a dozen child processes (each with its keychain
    // worker), and on 2 cores shared with a Chromium that can take well over 30 s without anything being wrong.
    testTimeout: 90_000,
    hookTimeout: 60_000,
    // expect.poll waits for a state another process or the page reaches; its 1 s default is shorter than one
    // Chromium round trip on a loaded 2-core box. Still a bound, never a sleep: a state that never comes fails.
    expect: { poll: { timeout: 10_000 } },
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          // Two cores, and two e2e files each driving a Chromium keep both busy: more only thrash.
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
          // A worker runs its e2e files one after another in one process, so they share its browser and its
          // parked pages (e2e-fixture.ts): a new browser context costs ~1.6 CPU-s more than reusing one. Each
          // file still has its own `wxtoken serve`, data folder and keychain service.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          // After the e2e files. Their files wait on child processes, servers and timeouts for much of the time:
          // with two at once the cores were idle a third of the time, with four they are not (measured 120 s
          // against 93 s for this project). The unit files come after them, four at a time too.
          maxWorkers: 4,
          sequence: { groupOrder: 1 },
          // Real servers, keychain services and data folders of their own per file, nothing mocked: a worker
          // runs its files one after another without a new process for each (~0.35 s of start-up a file).
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
          exclude: ['test/unit/desktop/**', 'test/unit/renderer/**'],
          maxWorkers: 4,
          sequence: { groupOrder: 1 },
          // Pure functions and classes, no module mocks or stubbed globals: one process runs many files.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'unit-isolated',
          // The Electron glue (electron mocked) and the renderer's store (window and navigator stubbed, one store
          // per page): each file in a process of its own.
          include: ['test/unit/desktop/**/*.test.ts', 'test/unit/renderer/**/*.test.ts', 'test/unit/renderer/**/*.test.tsx'],
          maxWorkers: 4,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
