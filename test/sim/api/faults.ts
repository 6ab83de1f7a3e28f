import { SimHttpError } from '../sim-error';

/** A fault injected on API requests whose path matches, as `POST /__sim/faults` takes it. */
export interface FaultSpec {
  /** A regular expression (source) tested against the request's path, e.g. "/erp_request_details$". */
  pathPattern: string;
  method?: string;
  /** Answer with this status and a contract error body instead of the real response. */
  status?: number;
  /** Wait this long before answering (ms). */
  delayMs?: number;
  /** Do the request, then wait this long before answering (ms): a reply lost after the work is done. */
  replyDelayMs?: number;
  /** Send a truncated JSON body with the real status. */
  malformed?: true;
  /** Remove this field (dotted path, through arrays) from the response's records. */
  dropField?: string;
  /** Add this field to the response's records. */
  extraField?: string;
  /** How many requests it applies to; omitted: until cleared. */
  times?: number;
  /** Retry-After seconds on a 429/503 (default 1). */
  retryAfter?: number;
}

export interface Fault extends FaultSpec {
  id: number;
  regex: RegExp;
  remaining: number | null;
  hits: number;
}

export class FaultTable {
  private faults: Fault[] = [];
  private nextId = 1;

  add(spec: Record<string, unknown>): Fault {
    if (typeof spec.pathPattern !== 'string' || spec.pathPattern === '') throw new SimHttpError(422, { pathPattern: ['is required (a regular expression source)'] });
    let regex: RegExp;
    try {
      regex = new RegExp(spec.pathPattern);
    } catch {
      throw new SimHttpError(422, { pathPattern: ['is not a valid regular expression'] });
    }
    const optionalInt = (name: string, min: number) => {
      const v = spec[name];
      if (v === undefined) return undefined;
      if (typeof v !== 'number' || !Number.isInteger(v) || v < min) throw new SimHttpError(422, { [name]: [`must be an integer >= ${min}`] });
      return v;
    };
    const optionalString = (name: string) => {
      const v = spec[name];
      if (v === undefined) return undefined;
      if (typeof v !== 'string' || v === '') throw new SimHttpError(422, { [name]: ['must be a non-empty string'] });
      return v;
    };
    const status = optionalInt('status', 100);
    if (status !== undefined && status > 599) throw new SimHttpError(422, { status: ['must be an HTTP status'] });
    const times = optionalInt('times', 1);
    const fault: Fault = {
      id: this.nextId++,
      pathPattern: spec.pathPattern,
      method: optionalString('method')?.toUpperCase(),
      status,
      delayMs: optionalInt('delayMs', 0),
      replyDelayMs: optionalInt('replyDelayMs', 0),
      malformed: spec.malformed === true ? true : undefined,
      dropField: optionalString('dropField'),
      extraField: optionalString('extraField'),
      times,
      retryAfter: optionalInt('retryAfter', 0),
      regex,
      remaining: times ?? null,
      hits: 0,
    };
    this.faults.push(fault);
    return fault;
  }

  /** The first live fault for this request, used up by one. */
  take(method: string, path: string): Fault | undefined {
    const fault = this.faults.find((f) => (f.remaining === null || f.remaining > 0) && (!f.method || f.method === method) && f.regex.test(path));
    if (!fault) return undefined;
    fault.hits += 1;
    if (fault.remaining !== null) fault.remaining -= 1;
    return fault;
  }

  list(): Fault[] {
    return this.faults;
  }

  clear(): void {
    this.faults = [];
  }
}

/** Applies drop/extra-field faults to a response body (each record of a list, or the object). */
export function mutateBody(body: unknown, fault: Fault): unknown {
  const copy: unknown = structuredClone(body);
  const records = Array.isArray(copy) ? copy : [copy];
  for (const record of records) {
    if (fault.dropField) dropPath(record, fault.dropField.split('.'));
    if (fault.extraField && record && typeof record === 'object') (record as Record<string, unknown>)[fault.extraField] = 'injected by the sandbox';
  }
  return copy;
}

function dropPath(target: unknown, path: string[]): void {
  if (Array.isArray(target)) {
    for (const item of target) dropPath(item, path);
    return;
  }
  if (!target || typeof target !== 'object' || path.length === 0) return;
  const [head, ...rest] = path as [string, ...string[]];
  const obj = target as Record<string, unknown>;
  if (rest.length === 0) delete obj[head];
  else dropPath(obj[head], rest);
}
