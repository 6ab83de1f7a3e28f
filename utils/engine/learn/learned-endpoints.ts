import * as z from '../../schema/z';
import { LEARNED_KINDS, findRecords, recordsAt, type LearnedKind } from '../../domain/learn/record-shapes';
import { RECORD, fillTemplate, isReplayableTemplate } from '../../domain/learn/path-template';
import type { ProcoreClient } from '../../procore/procore-client';
import { ProcoreError } from '../../procore/procore-error';
import { deleteMeta, readMeta, writeMeta } from '../../store/meta-store';
import type { Engine } from '../engine';

/**
 * The GETs learned from Procore's own pages (PROCORE-CONTRACT.md "Learning from Procore's
 * pages"): method GET only, a same-origin path template with ids as placeholders, the query the
 * page used, and where its records sit in the answer. Nothing else about the page's traffic is kept.
 */
export const LearnedEndpointSchema = z.object({
  kind: z.enum(LEARNED_KINDS),
  template: z.string().check(z.maxLength(512)),
  query: z.string().check(z.maxLength(1024)),
  at: z.array(z.string().check(z.maxLength(64))).check(z.maxLength(2)),
  learnedAt: z.number(),
  lastOkAt: z.nullable(z.number()),
  /** 404s in a row: after FORGET_AFTER_404 the endpoint is forgotten (Procore moved it). */
  notFound: z.int(),
  /**
   * Companies it answered for. Only their 404s count: a company it never answered for (another
   * zone's, one without the Payments tool) says nothing about the endpoint, and must not make
   * every other company lose it.
   */
  okIn: z.optional(z.array(z.string().check(z.maxLength(32))).check(z.maxLength(500))),
});
export type LearnedEndpoint = z.infer<typeof LearnedEndpointSchema>;

// One key per kind: a page's list and its funding accounts are confirmed at the same time, and a
// read-modify-write of one shared record kept only whichever finished last.
const keyOf = (kind: LearnedKind) => `learnedEndpoint:${kind}`;
export const FORGET_AFTER_404 = 3;

export async function learnedEndpoints(engine: Engine): Promise<Partial<Record<LearnedKind, LearnedEndpoint>>> {
  const out: Partial<Record<LearnedKind, LearnedEndpoint>> = {};
  for (const kind of LEARNED_KINDS) {
    const parsed = LearnedEndpointSchema.safeParse(await readMeta<unknown>(engine.db, keyOf(kind)));
    if (parsed.success) out[kind] = parsed.data;
  }
  return out;
}

async function save(engine: Engine, endpoint: LearnedEndpoint | null, kind: LearnedKind): Promise<void> {
  if (endpoint) await writeMeta(engine.db, keyOf(kind), endpoint);
  else await deleteMeta(engine.db, [keyOf(kind)]);
}

const urlOf = (endpoint: Pick<LearnedEndpoint, 'template' | 'query'>, companyId: string, recordId?: string): string | null => {
  const path = fillTemplate(endpoint.template, companyId, recordId);
  return path === null ? null : endpoint.query ? `${path}?${endpoint.query}` : path;
};

/**
 * Replays a learned GET (same origin, through the client's governor, with the session cookie)
 * and returns the records where the page found them; null when the answer no longer has them.
 * 404s from companies it answered for are counted, and the endpoint forgotten after
 * FORGET_AFTER_404 of them in a row.
 */
export async function replayLearned(
  engine: Engine,
  client: ProcoreClient,
  endpoint: LearnedEndpoint,
  companyId: string,
  recordId?: string,
  signal?: AbortSignal,
): Promise<Record<string, unknown>[] | null> {
  const url = urlOf(endpoint, companyId, recordId);
  if (url === null || !isReplayableTemplate(endpoint.template)) return null;
  try {
    const records = recordsAt(await client.learnedGet(companyId, url, signal), endpoint.at, endpoint.kind);
    await save(engine, { ...endpoint, notFound: 0, lastOkAt: records ? engine.now() : endpoint.lastOkAt, okIn: withCompany(endpoint.okIn, companyId) }, endpoint.kind);
    return records;
  } catch (error) {
    if (error instanceof ProcoreError && error.kind === 'not_found' && (endpoint.okIn ?? []).includes(companyId)) {
      const notFound = endpoint.notFound + 1;
      await save(engine, notFound >= FORGET_AFTER_404 ? null : { ...endpoint, notFound }, endpoint.kind);
    }
    throw error;
  }
}

export interface Observation {
  companyId: string;
  method: string;
  /** The page's path, real ids in it. */
  path: string;
  /** The page's query, without `?`. */
  query: string;
  kind: LearnedKind;
  template: string;
  at: string[];
}

/**
 * An observation from a page (an untrusted hint: a page can post anything to the main world) is
 * confirmed by replaying it from the background before it is kept: the background's own answer
 * must carry the same kind of records at the same place. Returns those records, or null.
 */
export async function confirmObservation(engine: Engine, client: ProcoreClient, observation: Observation, signal?: AbortSignal): Promise<Record<string, unknown>[] | null> {
  if (observation.method.toUpperCase() !== 'GET' || !isReplayableTemplate(observation.template)) return null;
  const recordId = recordIdIn(observation.path, observation.template);
  if (observation.template.includes(RECORD) && recordId === undefined) return null;
  const candidate: LearnedEndpoint = { kind: observation.kind, template: observation.template, query: observation.query, at: observation.at, learnedAt: engine.now(), lastOkAt: null, notFound: 0 };
  const url = urlOf(candidate, observation.companyId, recordId);
  if (url === null) return null;
  const body = await client.learnedGet(observation.companyId, url, signal);
  const found = findRecords(body);
  if (!found || found.kind !== observation.kind || found.at.join('/') !== observation.at.join('/')) return null;
  const known = (await learnedEndpoints(engine))[observation.kind];
  const same = known && known.template === candidate.template && known.query === candidate.query;
  const kept = same ? known : candidate;
  await save(engine, { ...kept, lastOkAt: engine.now(), notFound: 0, okIn: withCompany(kept.okIn, observation.companyId) }, observation.kind);
  return found.records;
}

const withCompany = (companies: readonly string[] | undefined, companyId: string): string[] =>
  companies?.includes(companyId) ? [...companies] : [...(companies ?? []), companyId].slice(-500);

/** The real id standing where the template has its record placeholder. */
function recordIdIn(path: string, template: string): string | undefined {
  const index = template.split('/').indexOf(RECORD);
  if (index < 0) return undefined;
  const segment = path.split('/')[index];
  return segment === undefined ? undefined : decodeURIComponent(segment);
}
