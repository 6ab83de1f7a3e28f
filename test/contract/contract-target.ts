import { afterAll, beforeAll } from 'vitest';
import { z } from 'zod';
import type { Sim } from '../sim/server';
import { csrfTokenFor, internalEndpointsOf, sessionCookieFor, simControl, startTestSim } from '../sim/testing';

/**
 * Where the contract tests run: `CONTRACT_BASE_URL` (a running sandbox, whose `/__sim/` controls
 * the fault and limit tests use; run the files one at a time against it), or by default a sim
 * started in-process on a free port for each file.
 */
export interface ContractTarget {
  origin: string;
  cookie: string;
  companyId: number;
  /** The sandbox's internal endpoints for this run (from `/__sim/variant`), and the session's CSRF token. */
  internal: Awaited<ReturnType<typeof internalEndpointsOf>>;
  csrf: string;
  /** A request as the extension's session mode makes it. */
  api(path: string, init?: { method?: string; body?: unknown; companyId?: number | null; cookie?: string | null; headers?: Record<string, string> }): Promise<Response>;
  control<T = unknown>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T>;
}

export function contractTarget(options: { hourly?: number; tenSecond?: number } = {}): ContractTarget {
  let sim: Sim | undefined;
  const target: ContractTarget = {
    origin: '',
    cookie: '',
    companyId: 8089,
    internal: undefined as unknown as ContractTarget['internal'],
    csrf: '',
    async api(path, init = {}) {
      const headers: Record<string, string> = { Accept: 'application/json', ...init.headers };
      const cookie = init.cookie === undefined ? target.cookie : init.cookie;
      if (cookie !== null) headers.Cookie = cookie;
      const companyId = init.companyId === undefined ? target.companyId : init.companyId;
      if (companyId !== null) headers['Procore-Company-Id'] = String(companyId);
      if (init.body !== undefined) headers['Content-Type'] = 'application/json';
      return fetch(`${target.origin}${path}`, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body), redirect: 'manual' });
    },
    control: (method, path, body) => simControl(target.origin, method, path, body),
  };
  beforeAll(async () => {
    const external = process.env.CONTRACT_BASE_URL;
    if (external) {
      target.origin = external.replace(/\/+$/, '');
      await target.control('POST', '/reset', { scenario: 'basic' });
    } else {
      sim = await startTestSim({ rateLimit: { hourly: options.hourly ?? 100_000, tenSecond: options.tenSecond ?? 10_000 } });
      target.origin = sim.origin;
    }
    await target.control('POST', '/rate-limits', { hourly: options.hourly ?? 100_000, tenSecond: options.tenSecond ?? 10_000 });
    target.cookie = await sessionCookieFor(target.origin);
    target.internal = await internalEndpointsOf(target.origin);
    target.csrf = await csrfTokenFor(target.origin, target.cookie);
  });
  afterAll(async () => {
    await sim?.close();
  });
  return target;
}

/**
 * A client accepts unknown extra fields (the contract says to ignore them); the sandbox must not
 * rely on that, so its answers carry exactly the contract's fields.
 */
export function unexpectedKeys(schema: z.core.$ZodType, value: unknown, path = '$'): string[] {
  // Core classes, so classic and mini schemas (the extension's) are both walked.
  if (schema instanceof z.core.$ZodOptional || schema instanceof z.core.$ZodNullable) {
    return value === null || value === undefined ? [] : unexpectedKeys(schema._zod.def.innerType, value, path);
  }
  if (schema instanceof z.core.$ZodArray && Array.isArray(value)) {
    return value.flatMap((v, i) => unexpectedKeys(schema._zod.def.element, v, `${path}[${i}]`));
  }
  if (schema instanceof z.core.$ZodObject && value && typeof value === 'object') {
    const shape = schema._zod.def.shape;
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => (k in shape ? unexpectedKeys(shape[k]!, v, `${path}.${k}`) : [`${path}.${k}`]));
  }
  return [];
}

/** Parses with the contract's schema (contract-schemas.ts) and checks there is nothing beyond it. */
export function expectContractShape<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new Error(`Not the contract's shape: ${parsed.error.message}\n${JSON.stringify(value).slice(0, 500)}`);
  const extra = unexpectedKeys(schema, value);
  if (extra.length > 0) throw new Error(`Fields beyond the contract: ${extra.slice(0, 10).join(', ')}`);
  return parsed.data;
}

/** A company's internal endpoint base of this run. */
export function internalPath(target: ContractTarget, companyId: number, rest: string): string {
  return `${target.internal.prefix.replace('{company}', String(companyId))}${rest}`;
}
