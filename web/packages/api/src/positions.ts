import { http, queryParams } from './http';

// 在岗人员实时位置 (issue 19 item 4, docs/api/dispatch.md): the last known position of each on-duty
// worker of the caller's scope for the dispatch board, a stream that says when one moved, and the
// phone's heartbeat while the app is open.

const V1 = '/api/v1';

export const POSITION_PERMISSIONS = {
  /** centre staff and leaders: see the on-duty workers' positions (every list is audited) */
  POSITION_READ: 'dispatch:position:read',
  /** grid workers and chiefs: report where they are while the app is open */
  POSITION_WRITE: 'patrol:position:write',
} as const;

export interface WorkerPosition {
  userId: number;
  name: string;
  lon: number;
  lat: number;
  /** ISO-8601: the phone's time of the fix */
  at: string;
  gridId: number | null;
  gridName: string | null;
  accuracy: number | null;
  /** TRACK: a patrol's track batch; HEARTBEAT: the open app */
  source: 'TRACK' | 'HEARTBEAT';
  onPatrol: boolean;
  ageSeconds: number;
  /** only when asked `near` a point */
  distanceMeters: number | null;
}

export interface WorkerPositionQuery {
  /** nearest first, with `distanceMeters` */
  near?: { lon: number; lat: number } | null;
  /** one department's people */
  departmentId?: number | null;
  /** the people working exactly at a grid or community */
  regionId?: number | null;
  limit?: number | null;
}

export interface Heartbeat {
  lon: number;
  lat: number;
  accuracy?: number | null;
  /** ISO-8601 with offset; the server's time when absent */
  at?: string | null;
}

export interface HeartbeatReceipt {
  accepted: boolean;
  /** how often to send one */
  intervalSeconds: number;
}

/** `EventSource` URL: event `positions` (`{"changed": n}`) when a position in the scope arrives. */
export const POSITION_STREAM_URL = `${V1}/dispatch/worker-positions/stream`;

/** The positions and how old one may be (the server's freshness limit, header). */
export interface WorkerPositionList {
  items: WorkerPosition[];
  freshnessSeconds: number | null;
}

export const positionsApi = {
  list: (query: WorkerPositionQuery = {}): Promise<WorkerPositionList> =>
    http
      .get<WorkerPosition[]>(`${V1}/dispatch/worker-positions`, {
        params: queryParams({
          near: query.near ? `${query.near.lon},${query.near.lat}` : null,
          departmentId: query.departmentId ?? null,
          regionId: query.regionId ?? null,
          limit: query.limit ?? null,
        }),
      })
      .then((r) => {
        const header = Number(r.headers['x-position-freshness-seconds']);
        return {
          items: r.data,
          freshnessSeconds: Number.isFinite(header) && header > 0 ? header : null,
        };
      }),
  heartbeat: (body: Heartbeat) =>
    http.post<HeartbeatReceipt>(`${V1}/patrol/heartbeat`, body).then((r) => r.data),
};
