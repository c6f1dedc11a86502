import { http, queryParams } from './http';
import type { Page, PageQuery } from './types';

// 开放平台 webhooks (docs/api/openplatform.md): signed POSTs to a client's URL when events are reported,
// change status or close, alerts are raised or collected records approved; and their delivery log.
// Managed with the client permission (OPEN_PERMISSIONS.CLIENT_MANAGE).

const V1 = '/api/v1';

export const WEBHOOK_EVENT_TYPES = [
  'event.reported',
  'event.status_changed',
  'event.closed',
  'alert.raised',
  'record.approved',
  'hotline.replied',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** A type as a message key (vue-i18n reads dots as nesting): `event.reported` → `event_reported`. */
export type WebhookTypeKey =
  | 'event_reported'
  | 'event_status_changed'
  | 'event_closed'
  | 'alert_raised'
  | 'record_approved'
  | 'hotline_replied';

export function webhookTypeKey(type: WebhookEventType): WebhookTypeKey {
  return type.replace('.', '_') as WebhookTypeKey;
}

export const DELIVERY_STATUSES = ['PENDING', 'DELIVERED', 'DEAD'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export interface WebhookInfo {
  id: number;
  clientId: number;
  clientName: string;
  url: string;
  eventTypes: WebhookEventType[];
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
  /** only in the answer that made it: the signing secret, kept sealed on the server */
  secret?: string;
}

export interface WebhookCommand {
  url: string;
  eventTypes: WebhookEventType[];
  enabled: boolean;
  version?: number;
}

export interface DeliveryAttempt {
  attempt: number;
  startedAt: string;
  durationMs: number;
  statusCode: number | null;
  error: string | null;
  nextAttemptAt: string | null;
}

export interface WebhookDelivery {
  id: number;
  webhookId: number;
  clientId: number;
  clientName: string;
  url: string;
  eventType: WebhookEventType;
  status: DeliveryStatus;
  attemptCount: number;
  occurredAt: string;
  nextAttemptAt: string | null;
  lastStatus: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  createdAt: string;
  attempts: DeliveryAttempt[];
}

export interface DeliveryQuery extends PageQuery {
  clientId?: number | null;
  webhookId?: number | null;
  status?: DeliveryStatus | '' | null;
  type?: WebhookEventType | '' | null;
}

export const webhooksApi = {
  list: (clientId: number) =>
    http.get<WebhookInfo[]>(`${V1}/open/clients/${clientId}/webhooks`).then((r) => r.data),
  create: (clientId: number, body: WebhookCommand) =>
    http.post<WebhookInfo>(`${V1}/open/clients/${clientId}/webhooks`, body).then((r) => r.data),
  update: (clientId: number, id: number, body: WebhookCommand) =>
    http
      .put<WebhookInfo>(`${V1}/open/clients/${clientId}/webhooks/${id}`, body)
      .then((r) => r.data),
  remove: (clientId: number, id: number) =>
    http.delete<void>(`${V1}/open/clients/${clientId}/webhooks/${id}`).then(() => undefined),
  deliveries: (query: DeliveryQuery = {}) =>
    http
      .get<Page<WebhookDelivery>>(`${V1}/open/webhook-deliveries`, {
        params: queryParams({ ...query }),
      })
      .then((r) => r.data),
  replay: (id: number) =>
    http.post<void>(`${V1}/open/webhook-deliveries/${id}/replay`).then(() => undefined),
};
