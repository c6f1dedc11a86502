/**
 * The calls of 信息采集 (`/api/v1/collection`) the phone app needs, with their types.
 * `@govgrid/api` gets its own `collectionApi` (written alongside this app); until it is there,
 * the app uses these minimal ones on the shared axios instance.
 */
import { asPage, cleanParams, http, type Page, type PageQuery } from '@govgrid/api';

const BASE = '/api/v1/collection';

export const FIELD_TYPES = [
  'TEXT',
  'LONG_TEXT',
  'NUMBER',
  'DATETIME',
  'SINGLE_CHOICE',
  'MULTIPLE_CHOICE',
  'LOCATION',
  'PHOTO',
  'ID_CARD',
  'PHONE',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface FormField {
  key: string;
  label: string;
  type: FieldType;
  required: boolean;
  options: string[];
  min: number | null;
  max: number | null;
  maxLength: number | null;
}

/** A form template in its current version. */
export interface CollectionForm {
  id: number;
  code: string;
  name: string;
  version: number;
  fields: FormField[];
}

export interface Campaign {
  id: number;
  formId: number;
  formName: string;
  name: string;
  regionId: number;
  regionName: string;
  dueDate: string;
  records?: number;
}

export const RECORD_STATUSES = ['SUBMITTED', 'RETURNED', 'APPROVED'] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];

export interface RecordStep {
  action: 'SUBMIT' | 'RETURN' | 'RESUBMIT' | 'APPROVE';
  actorName: string;
  comment: string | null;
  at: string;
}

export type Answers = Record<string, unknown>;

export interface CollectionRecord {
  id: number;
  formId: number;
  formCode: string;
  formName: string;
  formVersion: number;
  campaignId: number | null;
  collectorId: number;
  collectorName: string;
  gridId: number;
  gridName: string;
  lon: number;
  lat: number;
  answers: Answers;
  status: RecordStatus;
  collectedAt: string;
  version: number;
  steps: RecordStep[];
}

export interface RecordRequest {
  formId: number;
  campaignId: number | null;
  lon: number;
  lat: number;
  answers: Answers;
}

export interface RecordQuery extends PageQuery {
  formId?: number | null;
  status?: RecordStatus | null;
  collectorId?: number | null;
}

export const collectionApi = {
  forms: () => http.get<CollectionForm[]>(`${BASE}/forms`).then((r) => r.data),
  form: (id: number) => http.get<CollectionForm>(`${BASE}/forms/${id}`).then((r) => r.data),
  campaigns: () => http.get<Campaign[]>(`${BASE}/campaigns`).then((r) => r.data),
  /** 201, or 200 with the record an earlier request with this key created. */
  submit: (body: RecordRequest, idempotencyKey: string) =>
    http
      .post<CollectionRecord>(`${BASE}/records`, body, {
        headers: { 'Idempotency-Key': idempotencyKey },
      })
      .then((r) => r.data),
  records: (query: RecordQuery = {}) =>
    http
      .get<Page<CollectionRecord>>(`${BASE}/records`, { params: cleanParams(query) })
      .then((r) => asPage(r.data)),
  record: (id: number) => http.get<CollectionRecord>(`${BASE}/records/${id}`).then((r) => r.data),
  /** After a return (退回), by the collector. */
  resubmit: (id: number, answers: Answers) =>
    http.post<CollectionRecord>(`${BASE}/records/${id}/resubmit`, { answers }).then((r) => r.data),
};
