import { asPage, cleanParams, http } from './http';
import type { Page, PageQuery } from './types';

// 信息采集 (docs/api/collection.md): versioned form templates, campaigns, collected records and
// their community review. Shared by the console and the phone app.

const BASE = '/api/v1/collection';

/** The permission codes of the collection module (migration V11). */
export const COLLECTION_PERMISSIONS = {
  FORM_READ: 'collection:form:read',
  /** define forms, publish versions, create campaigns */
  FORM_WRITE: 'collection:form:write',
  RECORD_READ: 'collection:record:read',
  /** collect (submit records, resubmit after a return) */
  RECORD_WRITE: 'collection:record:write',
  /** approve / return records */
  RECORD_REVIEW: 'collection:record:review',
} as const;

export const COLLECTION_FIELD_TYPES = [
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
export type CollectionFieldType = (typeof COLLECTION_FIELD_TYPES)[number];

/** Default `maxLength` the server applies when a text field has none. */
export const COLLECTION_TEXT_LIMITS: Partial<Record<CollectionFieldType, number>> = {
  TEXT: 200,
  LONG_TEXT: 2000,
};

/** One field of a form: its key in the answers, its label, its type and its rules. */
export interface CollectionField {
  /** `[a-zA-Z][a-zA-Z0-9_]{0,39}`, unique in the form */
  key: string;
  label: string;
  type: CollectionFieldType;
  required: boolean;
  /** SINGLE_CHOICE / MULTIPLE_CHOICE: distinct, at least one; `[]` otherwise */
  options: string[];
  /** NUMBER */
  min: number | null;
  max: number | null;
  /** TEXT / LONG_TEXT (default 200 / 2000) */
  maxLength: number | null;
}

/** A form at its current version. */
export interface CollectionForm {
  id: number;
  /** `[A-Z][A-Z0-9_-]{1,31}`, unique */
  code: string;
  name: string;
  version: number;
  fields: CollectionField[];
}

/** `POST /forms` (version 1); 400 names `code`, `name`, `fields`, `fields[i].key|label|type|options|min`. */
export interface CollectionFormCreateRequest {
  code: string;
  name: string;
  fields: CollectionField[];
}

export interface CollectionCampaign {
  id: number;
  formId: number;
  formName: string;
  name: string;
  regionId: number;
  regionName: string;
  regionPath: string;
  /** `YYYY-MM-DD` */
  dueDate: string;
  /** records collected for it so far */
  records: number;
  /** the grid workers named to collect for it; empty: every worker of the area */
  workers: CollectionCampaignWorker[];
}

export interface CollectionCampaignWorker {
  id: number;
  name: string;
}

export interface CollectionCampaignRequest {
  formId: number;
  name: string;
  regionId: number;
  /** `YYYY-MM-DD`, today or later */
  dueDate: string;
  /** grid workers of the region (`workerIds[i]` is named when one is not); none: everyone there */
  workerIds?: number[];
}

export const COLLECTION_RECORD_STATUSES = ['SUBMITTED', 'RETURNED', 'APPROVED'] as const;
export type CollectionRecordStatus = (typeof COLLECTION_RECORD_STATUSES)[number];

export const COLLECTION_REVIEW_ACTIONS = ['SUBMIT', 'RETURN', 'RESUBMIT', 'APPROVE'] as const;
export type CollectionReviewAction = (typeof COLLECTION_REVIEW_ACTIONS)[number];

export interface CollectionPoint {
  lon: number;
  lat: number;
}

/**
 * One answer, by field type: text / ID number / phone / DATETIME (ISO-8601 with offset) / single
 * choice → string, NUMBER → number, MULTIPLE_CHOICE → string[], PHOTO → file ids (from
 * `POST /api/v1/files`), LOCATION → `{lon, lat}`.
 */
export type CollectionAnswer = string | number | string[] | number[] | CollectionPoint | null;

/** Answers by field key; a bad one comes back as the field error `answers.<key>`. */
export type CollectionAnswers = Record<string, CollectionAnswer>;

/** A step of the record's review (`SUBMIT`, `RETURN`, `RESUBMIT`, `APPROVE`). */
export interface CollectionReviewStep {
  action: CollectionReviewAction;
  actorName: string;
  comment: string | null;
  at: string;
}

export interface CollectionRecord {
  id: number;
  formId: number;
  formCode: string;
  formName: string;
  /** the version the record was filled in (its answers follow that version's fields) */
  formVersion: number;
  campaignId: number | null;
  collectorId: number;
  collectorName: string;
  gridId: number;
  gridName: string;
  lon: number;
  lat: number;
  answers: CollectionAnswers;
  status: CollectionRecordStatus;
  collectedAt: string;
  version: number;
  /** filled by `GET /records/{id}`; empty in lists */
  steps: CollectionReviewStep[];
}

/** `POST /records`: the position must lie in one of the collector's grids. */
export interface CollectionRecordRequest {
  formId: number;
  campaignId?: number | null;
  lon: number;
  lat: number;
  answers: CollectionAnswers;
}

export interface CollectionRecordQuery extends PageQuery {
  formId?: number | null;
  campaignId?: number | null;
  status?: CollectionRecordStatus | '' | null;
  collectorId?: number | null;
}

/** 网格员采集记录: one collector's records in the caller's scope, by status. */
export interface CollectorTally {
  collectorId: number;
  collectorName: string;
  total: number;
  submitted: number;
  returned: number;
  approved: number;
  lastCollectedAt: string;
}

export interface CollectorTallyQuery {
  formId?: number | null;
  campaignId?: number | null;
}

export const collectionApi = {
  forms: () => http.get<CollectionForm[]>(`${BASE}/forms`).then((r) => r.data),
  form: (id: number) => http.get<CollectionForm>(`${BASE}/forms/${id}`).then((r) => r.data),
  createForm: (body: CollectionFormCreateRequest) =>
    http.post<CollectionForm>(`${BASE}/forms`, body).then((r) => r.data),
  /** Publishes the next version; records keep the version they were filled in. */
  publishVersion: (id: number, fields: CollectionField[]) =>
    http.post<CollectionForm>(`${BASE}/forms/${id}/versions`, { fields }).then((r) => r.data),

  /** Campaigns of the caller's area and above (a collector: those naming nobody or them). */
  campaigns: () => http.get<CollectionCampaign[]>(`${BASE}/campaigns`).then((r) => r.data),
  createCampaign: (body: CollectionCampaignRequest) =>
    http.post<CollectionCampaign>(`${BASE}/campaigns`, body).then((r) => r.data),

  /**
   * 201 with the new record, or 200 with the one an earlier request with the same key created
   * (a retry never collects twice).
   */
  submit: (body: CollectionRecordRequest, idempotencyKey?: string) =>
    http
      .post<CollectionRecord>(`${BASE}/records`, body, {
        headers: idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : undefined,
      })
      .then((r) => r.data),
  /** Newest first; a worker sees their own, a chief their community's, the centre its town's. */
  records: (query: CollectionRecordQuery = {}) =>
    http
      .get<Page<CollectionRecord>>(`${BASE}/records`, { params: cleanParams(query) })
      .then((r) => asPage(r.data)),
  /** Per collector the caller may see, most records first. */
  collectors: (query: CollectorTallyQuery = {}) =>
    http
      .get<CollectorTally[]>(`${BASE}/collectors`, { params: cleanParams(query) })
      .then((r) => r.data),
  /** With its review steps. */
  record: (id: number) => http.get<CollectionRecord>(`${BASE}/records/${id}`).then((r) => r.data),
  /** Reviewers (`collection:record:review`); only a SUBMITTED record (else 409). */
  approve: (id: number, comment?: string | null) =>
    http
      .post<CollectionRecord>(`${BASE}/records/${id}/approve`, { comment: comment || null })
      .then((r) => r.data),
  /** Reviewers; the comment (what to correct) is required. */
  returnRecord: (id: number, comment: string) =>
    http.post<CollectionRecord>(`${BASE}/records/${id}/return`, { comment }).then((r) => r.data),
  /** The collector, after a return: the corrected answers replace the old ones. */
  resubmit: (id: number, answers: CollectionAnswers, comment?: string | null) =>
    http
      .post<CollectionRecord>(`${BASE}/records/${id}/resubmit`, {
        answers,
        comment: comment || null,
      })
      .then((r) => r.data),
};
