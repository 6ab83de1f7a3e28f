import type { IncomingMessage, ServerResponse } from 'node:http';
import { SimHttpError } from '../sim-error';
import { stringifyJson } from './json-number';

const MAX_BODY_BYTES = 1_000_000;

/** What a handler answers; the pipeline adds headers and applies injected faults before writing. */
export interface ApiResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export async function readRawBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new SimHttpError(413, 'Request body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A JSON or form-encoded body as a plain object; empty bodies are `{}`. */
export async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const raw = await readRawBody(req);
  if (!raw.trim()) return {};
  const type = req.headers['content-type'] ?? '';
  if (type.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(raw));
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new SimHttpError(422, { body: ['is not valid JSON'] });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new SimHttpError(422, { body: ['must be a JSON object'] });
  return parsed as Record<string, unknown>;
}

export function writeJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  writeText(res, status, body === undefined ? '' : stringifyJson(body), { 'Content-Type': 'application/json; charset=utf-8', ...headers });
}

export function writeText(res: ServerResponse, status: number, text: string, headers: Record<string, string>): void {
  res.writeHead(status, { 'Cache-Control': 'no-store', ...headers, 'Content-Length': String(Buffer.byteLength(text)) });
  res.end(text);
}

export function errorResult(error: SimHttpError): ApiResult {
  return { status: error.status, body: { errors: error.errors } };
}
