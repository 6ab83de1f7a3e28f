import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { sessionAuth } from '../../../utils/procore/auth';
import { ProcoreHttp } from '../../../utils/procore/procore-http';
import { RateGovernor } from '../../../utils/procore/rate-governor';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
// The OAuth token exchange (login origin, RFC 6749) is sign-in, not a write to Procore's records.
const SIGN_IN_ONLY = new Set(['utils/procore/oauth.ts']);

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sources(rel);
    return /\.tsx?$/.test(entry.name) ? [rel] : [];
  });
}

describe("no code path sends a write to Procore's API (issue 13: writes are Procore's own page controls)", () => {
  it.each(['POST', 'PUT', 'PATCH', 'DELETE'])('ProcoreHttp refuses a %s before anything is sent', async (method) => {
    const fetchSpy = vi.fn<typeof fetch>();
    const http = new ProcoreHttp({ origin: 'https://app.procore.com', auth: sessionAuth, governor: new RateGovernor(), fetch: fetchSpy });
    await expect(http.request('/rest/v1.0/anything', { method } as never)).rejects.toThrow(/only reads from Procore's API/);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('no background or shared module names a write method, outside the OAuth sign-in', () => {
    const writes = [...sources('utils'), ...sources('entrypoints').filter((f) => f.includes('background'))]
      .filter((file) => !SIGN_IN_ONLY.has(file))
      .filter((file) => /method:\s*['"`](POST|PUT|PATCH|DELETE)['"`]/i.test(readFileSync(path.join(ROOT, file), 'utf8')));
    expect(writes).toEqual([]);
  });
});
