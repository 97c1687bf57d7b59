import { describe, expect, it } from 'vitest';
import { failedModule, retryAddress } from '../../src/components/Timeline/module-retry';

describe('retrying a failed import of the interactive part', () => {
  const url = 'https://news.example.org/explainers/mexico/_astro/timeline-interactive.B2x-9aQz.js';

  it('reads the failed module’s address from Chromium’s and Firefox’s errors', () => {
    expect(failedModule(new TypeError(`Failed to fetch dynamically imported module: ${url}`))).toBe(url);
    expect(failedModule(new TypeError(`error loading dynamically imported module: ${url}`))).toBe(url);
    expect(failedModule(new TypeError(`Failed to fetch dynamically imported module: ${url}?retry=1`))).toBe(url);
  });

  it('finds none where the error names no script (Safari, a failed events file)', () => {
    expect(failedModule(new TypeError('Importing a module script failed.'))).toBeUndefined();
    expect(failedModule(new Error('HTTP 404 for https://news.example.org/data/timeline-events.json'))).toBeUndefined();
    expect(failedModule('not an error')).toBeUndefined();
  });

  it('gives each retry an address of its own', () => {
    expect(retryAddress(url, 1)).toBe(`${url}?retry=1`);
    expect(retryAddress(`${url}?v=2`, 3)).toBe(`${url}?v=2&retry=3`);
    expect(retryAddress(url, 1)).not.toBe(retryAddress(url, 2));
  });
});
