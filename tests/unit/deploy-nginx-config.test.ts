// nginx itself accepts the blocks of docs/deploy.md: `nginx -t` on each site file with the snippets, in
// a temporary prefix (its own pid, logs, temporary folders, a self-signed certificate, free loopback
// ports). Skipped when nginx is not installed (Debian: apt-get install nginx).
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findNginx, hasOpenssl, nginxFiles, nginxT, nginxTestConfig } from './deploy-docs';

const nginx = findNginx();
const missing = !nginx ? 'nginx is not installed' : !hasOpenssl() ? 'openssl is not installed' : '';
const files = nginxFiles(readFileSync('docs/deploy.md', 'utf8'));
const dirs: string[] = [];

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(missing)(`nginx -t on the blocks of docs/deploy.md${missing ? ` (skipped: ${missing})` : ''}`, () => {
  it.each(['/etc/nginx/sites-available/explainer', '/etc/nginx/sites-available/news.example.org'])(
    '%s, with the snippets, passes with no warning',
    async (site) => {
      const dir = mkdtempSync(join(tmpdir(), 'nginx-t-'));
      dirs.push(dir);
      const setup = await nginxTestConfig(dir, files, [site], join(dir, 'dist'));
      const { status, output } = nginxT(setup);
      expect(output).toMatch(/test is successful/);
      expect(status, output).toBe(0);
      // nginx 1.25.1 and later warn that "listen … http2" is deprecated; the document says so
      const warnings = output
        .split('\n')
        .filter((l) => /\[(warn|emerg|crit)\]/.test(l) && !/"listen \.\.\. http2" directive is deprecated/.test(l));
      expect(warnings).toEqual([]);
    },
  );
});
