import axios, { type AxiosError, type AxiosInstance } from 'axios';
import { PROBLEM_TYPES, parseProblem, toApiError } from './problem';

declare module 'axios' {
  interface AxiosRequestConfig {
    /** Do not call the global 401 / password-change handlers for this request (the caller copes). */
    skipAuthHandlers?: boolean;
  }
}

export const LOGIN_URL = '/api/v1/auth/login';

export interface ApiHandlers {
  /** Any 401 except on the login request: the session is gone. */
  onUnauthorized?: (error: AxiosError) => void;
  /** 403 with problem type password-change-required: the user must change the password first. */
  onPasswordChangeRequired?: (error: AxiosError) => void;
}

const handlers: ApiHandlers = {};

/** Registers the app's reactions to session loss and to a pending forced password change. */
export function setApiHandlers(next: ApiHandlers): void {
  Object.assign(handlers, next);
}

/**
 * The shared axios instance. Same-origin; the session cookie travels with every request and
 * axios copies the server's `XSRF-TOKEN` cookie into the `X-XSRF-TOKEN` header of unsafe requests
 * (the server's CSRF contract), so neither name may change.
 */
export const http: AxiosInstance = axios.create({
  baseURL: '/',
  withCredentials: true,
  xsrfCookieName: 'XSRF-TOKEN',
  xsrfHeaderName: 'X-XSRF-TOKEN',
  headers: { Accept: 'application/json, application/problem+json' },
  timeout: 30_000,
});

/** Sent to the server so that problem titles come back in the user's language. */
export function setAcceptLanguage(language: string): void {
  http.defaults.headers.common['Accept-Language'] = language;
}

http.interceptors.response.use(
  (response) => response,
  (error: AxiosError) => {
    const response = error.response;
    const config = error.config;
    if (response && !config?.skipAuthHandlers) {
      const url = config?.url ?? '';
      if (response.status === 401 && !url.endsWith(LOGIN_URL)) {
        handlers.onUnauthorized?.(error);
      } else if (response.status === 403) {
        const problem = parseProblem(response.data, 403);
        if (problem.type === PROBLEM_TYPES.PASSWORD_CHANGE_REQUIRED) {
          handlers.onPasswordChangeRequired?.(error);
        }
      }
    }
    return Promise.reject(toApiError(error));
  },
);

/** Drops empty strings, null and undefined so that they are not sent as query parameters. */
export function cleanParams<T extends object>(params: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [key, value] of Object.entries(params) as [keyof T, unknown][]) {
    if (value !== undefined && value !== null && value !== '') {
      out[key] = value as T[keyof T];
    }
  }
  return out;
}

/**
 * Query parameters for list endpoints: like {@link cleanParams}, and a list becomes one
 * comma-separated value (`status=REPORTED,DISPATCHED`, not `status[]=…`); an empty list
 * and `false` are left out (the server's default).
 */
export function queryParams(params: object): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    if (Array.isArray(value)) {
      const joined = value.filter((v) => v !== undefined && v !== null && v !== '').join(',');
      if (joined) out[key] = joined;
    } else if (
      typeof value === 'string' ||
      typeof value === 'number' ||
      typeof value === 'boolean'
    ) {
      out[key] = value;
    }
  }
  return out;
}

/** A list answer as a page, also when the server sends a bare array. */
export function asPage<T>(
  data: { items: T[]; total?: number; page?: number; size?: number } | T[],
): {
  items: T[];
  total: number;
  page: number;
  size: number;
} {
  if (Array.isArray(data)) {
    return { items: data, total: data.length, page: 1, size: data.length };
  }
  const items = data.items ?? [];
  return {
    items,
    total: data.total ?? items.length,
    page: data.page ?? 1,
    size: data.size ?? items.length,
  };
}
