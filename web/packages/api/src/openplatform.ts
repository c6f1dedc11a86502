import { http, queryParams } from './http';
import type { Page, PageQuery } from './types';

// 开放平台 (the server's `openplatform` module, docs/api/openplatform.md): API clients of other
// systems, which take OAuth2 client_credentials tokens and call the API within their scopes and region.

const V1 = '/api/v1';

export const OPEN_PERMISSIONS = {
  CLIENT_MANAGE: 'open:client:manage',
  KEY_ROTATE: 'open:key:rotate',
} as const;

/** The scopes a client may be granted (each maps onto permission codes on the server). */
export const OPEN_SCOPES = [
  'events:read',
  'events:write',
  'basedata:read',
  'open311',
  'hotline',
] as const;
/** The OpenID scopes of a single sign-on relying party (authorization_code). */
export const OIDC_SCOPES = ['openid', 'profile'] as const;
export type OpenScope = (typeof OPEN_SCOPES)[number] | (typeof OIDC_SCOPES)[number];

/** client_credentials: a system calling as itself; authorization_code: signing people in (SSO). */
export const GRANT_TYPES = ['client_credentials', 'authorization_code'] as const;
export type GrantType = (typeof GRANT_TYPES)[number];

export interface ApiClientInfo {
  id: number;
  clientId: string;
  name: string;
  unit: string;
  scopes: OpenScope[];
  regionId: number;
  regionName: string;
  rateLimitPerMinute: number;
  /** CIDR ranges the client may call from; empty: any address */
  allowedIps: string[];
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
  secretRotatedAt: string;
  version: number;
  grantTypes: GrantType[];
  /** exact-match redirect URIs of a single sign-on relying party */
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  requireConsent: boolean;
  /** a public client (PKCE S256, no secret) */
  publicClient: boolean;
  /** only in the answer that made it (creation, rotation); stored hashed */
  clientSecret?: string;
}

/** A registration or an edit; a PUT replaces every field (`version` guards against lost edits). */
export interface ApiClientCommand {
  name: string;
  unit: string;
  scopes: OpenScope[];
  regionId: number | null;
  rateLimitPerMinute: number | null;
  allowedIps: string[];
  version?: number;
  grantTypes?: GrantType[];
  redirectUris?: string[];
  postLogoutRedirectUris?: string[];
  requireConsent?: boolean;
  publicClient?: boolean;
}

export interface ApiClientQuery extends PageQuery {
  keyword?: string | null;
}

/** One operation of an OpenAPI document, as the developer page shows it. */
export interface ApiOperation {
  summary?: string;
  operationId?: string;
  tags?: string[];
  /** alternatives: each the permission codes that together allow the call */
  'x-permissions'?: string[][];
}

/** The parts of an OpenAPI 3 document the developer page reads. */
export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version?: string };
  paths: Record<string, Record<string, ApiOperation | unknown>>;
}

export const openPlatformApi = {
  clients: (query: ApiClientQuery = {}) =>
    http
      .get<Page<ApiClientInfo>>(`${V1}/open/clients`, { params: queryParams({ ...query }) })
      .then((r) => r.data),
  client: (id: number) => http.get<ApiClientInfo>(`${V1}/open/clients/${id}`).then((r) => r.data),
  create: (body: ApiClientCommand) =>
    http.post<ApiClientInfo>(`${V1}/open/clients`, body).then((r) => r.data),
  update: (id: number, body: ApiClientCommand) =>
    http.put<ApiClientInfo>(`${V1}/open/clients/${id}`, body).then((r) => r.data),
  rotateSecret: (id: number) =>
    http.post<ApiClientInfo>(`${V1}/open/clients/${id}/rotate-secret`).then((r) => r.data),
  disable: (id: number) =>
    http.post<ApiClientInfo>(`${V1}/open/clients/${id}/disable`).then((r) => r.data),
  enable: (id: number) =>
    http.post<ApiClientInfo>(`${V1}/open/clients/${id}/enable`).then((r) => r.data),
  /** The OpenAPI document cut down to what the client's scopes allow. */
  apiDocument: (id: number) =>
    http
      // the server writes its first document on demand, which takes a while on a busy node
      .get<OpenApiDocument>(`${V1}/open/clients/${id}/openapi.json`, { timeout: 120_000 })
      .then((r) => r.data),
  rotateKeys: () =>
    http.post<{ activeKeyId: string }>(`${V1}/open/keys/rotate`).then((r) => r.data),
};
