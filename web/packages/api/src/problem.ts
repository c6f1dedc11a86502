import { isAxiosError } from 'axios';

/** Problem type URIs the client reacts to. */
export const PROBLEM_TYPES = {
  PASSWORD_CHANGE_REQUIRED: 'https://govgrid.org/problems/password-change-required',
} as const;

export interface FieldProblem {
  field: string;
  message: string;
}

/** RFC 9457 problem details as the GovGrid server sends them (`application/problem+json`). */
export interface ProblemDetail {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  errors?: FieldProblem[];
  [extension: string]: unknown;
}

/** An API failure: HTTP status (0 when no response arrived) and the problem body, if any. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: ProblemDetail;

  constructor(status: number, problem: ProblemDetail, message?: string) {
    super(message ?? problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }

  get type(): string | undefined {
    return this.problem.type;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a response body as a problem; tolerates non-problem bodies (HTML error pages, strings). */
export function parseProblem(body: unknown, status?: number): ProblemDetail {
  if (typeof body === 'string') {
    try {
      return parseProblem(JSON.parse(body), status);
    } catch {
      return status ? { status } : {};
    }
  }
  if (!isRecord(body)) {
    return status ? { status } : {};
  }
  const problem: ProblemDetail = { ...body };
  if (typeof problem.status !== 'number' && status) {
    problem.status = status;
  }
  const errors = body.errors;
  if (Array.isArray(errors)) {
    problem.errors = errors.filter(isRecord).map((e) => ({
      field: typeof e.field === 'string' ? e.field : '',
      message: typeof e.message === 'string' ? e.message : String(e.message ?? ''),
    }));
  } else {
    delete problem.errors;
  }
  return problem;
}

/** Turns anything thrown by an API call into an {@link ApiError}. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) {
    return error;
  }
  if (isAxiosError(error)) {
    if (error.response) {
      const status = error.response.status;
      return new ApiError(status, parseProblem(error.response.data, status));
    }
    return new ApiError(0, { title: error.message || 'Network Error' }, error.message);
  }
  if (error instanceof Error) {
    return new ApiError(0, { title: error.message }, error.message);
  }
  return new ApiError(0, { title: String(error) });
}

/**
 * Field errors of a 400 problem, keyed by field name, ready for `el-form-item :error`.
 * Several messages for one field are joined with "；". A nested or indexed field
 * (`boundary.coordinates`, `roles[2]`) is also reported under its root (`boundary`, `roles`)
 * unless the root has a message of its own. Errors without a field are not included:
 * use {@link problemMessage} for those.
 */
export function fieldErrors(error: unknown): Record<string, string> {
  const problem = error instanceof ApiError ? error.problem : toApiError(error).problem;
  const result: Record<string, string> = {};
  const add = (key: string, message: string) => {
    result[key] = result[key] ? `${result[key]}；${message}` : message;
  };
  const direct = new Set((problem.errors ?? []).map((e) => e.field));
  for (const { field, message } of problem.errors ?? []) {
    if (!field) continue;
    add(field, message);
    const root = field.split(/[.[]/, 1)[0];
    if (root && root !== field && !direct.has(root)) {
      add(root, message);
    }
  }
  return result;
}

/** Errors of a problem that name no field (or a field the form does not show). */
export function globalErrors(error: unknown, shownFields: readonly string[] = []): string[] {
  const problem = toApiError(error).problem;
  return (problem.errors ?? [])
    .filter((e) => {
      if (!e.field) return true;
      const root = e.field.split(/[.[]/, 1)[0];
      return !shownFields.includes(e.field) && !shownFields.includes(root);
    })
    .map((e) => (e.field ? `${e.field}: ${e.message}` : e.message));
}

/** One human message for a failure: the problem's detail, else its title, else the fallback. */
export function problemMessage(error: unknown, fallback = ''): string {
  const apiError = toApiError(error);
  return apiError.problem.detail || apiError.problem.title || fallback || apiError.message;
}

export function isProblemType(error: unknown, type: string): boolean {
  return toApiError(error).problem.type === type;
}
