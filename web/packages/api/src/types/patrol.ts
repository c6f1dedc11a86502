// Patrols (全科巡查): domains, checklists, tracks and results.
import type { PageQuery } from './common';

export const PATROL_STATUSES = ['ACTIVE', 'FINISHED'] as const;
export type PatrolStatus = (typeof PATROL_STATUSES)[number];

export const PATROL_ITEM_RESULTS = ['NORMAL', 'PROBLEM'] as const;
export type PatrolItemResultCode = (typeof PATROL_ITEM_RESULTS)[number];

export interface PatrolChecklistItem {
  code: string;
  name: string;
  categoryCode: string;
}

/** A patrol domain (巡查领域) with its checklist. */
export interface PatrolDomain {
  code: string;
  name: string;
  items: PatrolChecklistItem[];
}

export interface PatrolQuery extends PageQuery {
  workerId?: number | null;
  gridId?: number | null;
  domainCode?: string | null;
  /** `YYYY-MM-DD`, the day the patrol started (Asia/Shanghai). */
  date?: string | null;
}

export interface PatrolSummary {
  id: number;
  workerId: number;
  workerName: string;
  domainCode: string;
  domainName: string;
  gridId: number;
  gridName: string;
  status: PatrolStatus;
  startedAt: string;
  finishedAt: string | null;
  /** Null while active (the list does not compute it on the fly). */
  distanceMeters: number | null;
  durationSeconds: number | null;
  pointCount: number;
  itemsDone: number;
}

export interface PatrolPosition {
  lon: number;
  lat: number;
}

export interface PatrolItemResult {
  itemCode: string;
  name: string;
  result: PatrolItemResultCode;
  comment: string | null;
  eventId: number | null;
  eventCode: string | null;
  recordedAt: string;
}

export interface PatrolTrack {
  type: 'LineString';
  /** `[lon, lat]` in time order. */
  coordinates: [number, number][];
}

export interface PatrolDetail {
  id: number;
  workerId: number;
  workerName: string;
  domainCode: string;
  domainName: string;
  gridId: number;
  gridName: string;
  status: PatrolStatus;
  startedAt: string;
  finishedAt: string | null;
  start: PatrolPosition;
  end: PatrolPosition | null;
  distanceMeters: number;
  durationSeconds: number;
  pointCount: number;
  itemsDone: number;
  itemsTotal: number;
  items: PatrolItemResult[];
  track: PatrolTrack;
  /** One ISO instant per track coordinate. */
  trackTimes: string[];
}

export interface PatrolStartRequest {
  domainCode: string;
  lon: number;
  lat: number;
}

/** One GPS fix; `time` ISO-8601 with the phone's offset (`2026-11-24T09:00:00+08:00`). */
export interface PatrolTrackPoint {
  time: string;
  lon: number;
  lat: number;
  accuracy: number | null;
  speed: number | null;
}

/** 1–500 points; a key sent again returns the first answer (`replayed: true`). */
export interface PatrolTrackBatch {
  batchKey: string;
  points: PatrolTrackPoint[];
}

export interface PatrolTrackReceipt {
  batchKey: string;
  accepted: number;
  pointCount: number;
  replayed: boolean;
}

/** A checklist item's result; `PROBLEM` needs a comment and reports an event at once. */
export interface PatrolItemRequest {
  itemCode: string;
  result: PatrolItemResultCode;
  comment?: string | null;
  lon?: number | null;
  lat?: number | null;
  address?: string | null;
  fileIds?: number[];
}
