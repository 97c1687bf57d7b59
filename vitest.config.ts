import { defineConfig } from 'vitest/config';

// Dates must not depend on the machine's time zone: run every test in a zone
// far from UTC so that a local-time bug shows.
process.env.TZ = 'Pacific/Kiritimati';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
