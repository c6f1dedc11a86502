import {
  patrolApi,
  type PatrolDomain,
  type PatrolItemResultCode,
  type PatrolPosition,
  type PatrolTrackPoint,
} from '@govgrid/api';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type {
  PatrolFinishItem,
  PatrolItemItem,
  QueuedPhoto,
  QueueItem,
  TrackItem,
} from '../offline/types';
import { plain, readCache, writeCache } from '../utils/cache';
import { isoLocal, trackDistance } from '../utils/patrol';
import { randomUuid } from '@govgrid/shared';
import { useOutboxStore, type SubmitOutcome } from './outbox';

/** The patrol under way, kept in localStorage so that it survives a reload. */
export interface ActivePatrol {
  id: number;
  domainCode: string;
  domainName: string;
  gridName: string;
  /** ms since epoch on the phone's clock (the elapsed time runs from here) */
  startedAt: number;
  start: PatrolPosition;
  /** checklist results recorded on the phone, by item code */
  items: Record<string, PatrolItemResultCode>;
  /** every point of the patrol (for the map and the distance) */
  points: PatrolTrackPoint[];
  /** how many of the last points are not in a queued batch yet */
  unsent: number;
}

/** What the summary shows when the server cannot be asked (finished offline). */
export interface FinishedLocally {
  id: number;
  domainName: string;
  gridName: string;
  startedAt: number;
  finishedAt: number;
  distanceMeters: number;
  points: PatrolTrackPoint[];
  items: Record<string, PatrolItemResultCode>;
}

const ACTIVE_KEY = 'patrol.active';
const LAST_KEY = 'patrol.last';
/** a batch goes into the queue every 20 points … */
export const BATCH_POINTS = 20;
/** … or every 30 s */
export const BATCH_INTERVAL_MS = 30_000;

const round = (v: number) => Math.round(v * 1e7) / 1e7;

/** The phone's position once (for the start, the finish and checklist items). */
export function currentPosition(timeout = 15_000): Promise<GeolocationPosition> {
  return new Promise((resolve, reject) => {
    if (!('geolocation' in navigator)) {
      reject(new Error('no geolocation'));
      return;
    }
    navigator.geolocation.getCurrentPosition(resolve, reject, {
      enableHighAccuracy: true,
      timeout,
      maximumAge: 0,
    });
  });
}

/**
 * 全科巡查 on the phone: starts a patrol (online), follows the phone's position while it runs
 * and puts the points into the offline queue in batches, records checklist items and the finish
 * through the same queue (strictly in order, so the finish goes after the last batch).
 */
export const usePatrolStore = defineStore('patrol', () => {
  const outbox = useOutboxStore();
  const active = ref<ActivePatrol | null>(readCache<ActivePatrol>(ACTIVE_KEY));
  const last = ref<FinishedLocally | null>(readCache<FinishedLocally>(LAST_KEY));
  const now = ref(Date.now());
  const gpsError = ref(false);
  let watchId: number | null = null;
  let ticker: ReturnType<typeof setInterval> | null = null;
  let batchTimer: ReturnType<typeof setInterval> | null = null;

  const distance = computed(() => (active.value ? trackDistance(active.value.points) : 0));
  const elapsedSeconds = computed(() =>
    active.value ? Math.max(0, (now.value - active.value.startedAt) / 1000) : 0,
  );
  const lastPosition = computed<PatrolPosition | null>(() => {
    const p = active.value?.points[active.value.points.length - 1];
    return p ? { lon: p.lon, lat: p.lat } : (active.value?.start ?? null);
  });

  function save() {
    writeCache(ACTIVE_KEY, active.value);
  }

  function onPosition(position: GeolocationPosition) {
    gpsError.value = false;
    const patrol = active.value;
    if (!patrol) return;
    const previous = patrol.points[patrol.points.length - 1];
    // the same fix delivered twice (a new watcher, a wake-up) is kept once
    if (previous && Date.parse(previous.time) >= position.timestamp) return;
    const { coords } = position;
    patrol.points.push({
      time: isoLocal(position.timestamp),
      lon: round(coords.longitude),
      lat: round(coords.latitude),
      accuracy: Number.isFinite(coords.accuracy) ? Math.round(coords.accuracy * 10) / 10 : null,
      speed: coords.speed != null && Number.isFinite(coords.speed) ? coords.speed : null,
    });
    patrol.unsent += 1;
    save();
    if (patrol.unsent >= BATCH_POINTS) queueBatch().catch(() => undefined);
  }

  /** Follows the phone while a patrol runs (again after a reload). */
  function resume() {
    if (!active.value || watchId !== null || !('geolocation' in navigator)) return;
    watchId = navigator.geolocation.watchPosition(onPosition, () => (gpsError.value = true), {
      enableHighAccuracy: true,
      maximumAge: 0,
      timeout: 30_000,
    });
    ticker ??= setInterval(() => (now.value = Date.now()), 1_000);
    batchTimer ??= setInterval(() => queueBatch().catch(() => undefined), BATCH_INTERVAL_MS);
  }

  function stop() {
    if (watchId !== null) navigator.geolocation.clearWatch(watchId);
    watchId = null;
    if (ticker) clearInterval(ticker);
    if (batchTimer) clearInterval(batchTimer);
    ticker = null;
    batchTimer = null;
  }

  function base(label: string, photos: QueuedPhoto[] = []) {
    return {
      id: randomUuid(),
      createdAt: Date.now(),
      status: 'pending' as const,
      attempts: 0,
      nextAttemptAt: 0,
      photos,
      label,
    };
  }

  /** The points not yet in a batch go into the queue as one (its id is the batch key). */
  async function queueBatch(): Promise<void> {
    const patrol = active.value;
    if (!patrol || patrol.unsent === 0) return;
    const points = plain(patrol.points.slice(patrol.points.length - patrol.unsent));
    patrol.unsent = 0;
    save();
    const item: TrackItem = {
      ...base(patrol.domainName),
      kind: 'track',
      patrolId: patrol.id,
      points,
    };
    try {
      await outbox.submit(item);
    } catch (error) {
      // not stored: the points go into the next batch
      patrol.unsent += points.length;
      save();
      throw error;
    }
  }

  /** Starts at the phone's position; needs the network (the server places it in a grid). */
  async function start(domain: PatrolDomain, position: PatrolPosition): Promise<ActivePatrol> {
    const patrol = await patrolApi.start({
      domainCode: domain.code,
      lon: round(position.lon),
      lat: round(position.lat),
    });
    active.value = {
      id: patrol.id,
      domainCode: domain.code,
      domainName: patrol.domainName ?? domain.name,
      gridName: patrol.gridName ?? '',
      startedAt: Date.now(),
      start: { lon: patrol.start.lon, lat: patrol.start.lat },
      items: {},
      points: [],
      unsent: 0,
    };
    save();
    now.value = Date.now();
    resume();
    return active.value;
  }

  /** 正常 / 有问题 for one checklist item (a problem needs its description). */
  async function record(
    itemCode: string,
    itemName: string,
    result: PatrolItemResultCode,
    comment: string | null,
    photos: QueuedPhoto[] = [],
  ): Promise<SubmitOutcome> {
    const patrol = active.value;
    if (!patrol) throw new Error('no active patrol');
    const at = plain(lastPosition.value ?? patrol.start);
    const item: PatrolItemItem = {
      ...base(comment ? `${itemName}：${comment.slice(0, 24)}` : itemName, photos),
      kind: 'patrolItem',
      patrolId: patrol.id,
      body: { itemCode, result, comment, lon: at.lon, lat: at.lat },
    };
    patrol.items[itemCode] = result;
    save();
    const outcome = await outbox.submit(item);
    if (outcome.state === 'invalid' || outcome.state === 'failed') {
      // not recorded: the worker may answer the item again
      if (active.value?.id === patrol.id) {
        delete active.value.items[itemCode];
        save();
      }
      await outbox.remove(item.id);
    }
    return outcome;
  }

  /** 结束巡查: the last batch, then the finish, both through the queue (in this order). */
  async function finish(): Promise<{ id: number; outcome: SubmitOutcome }> {
    const patrol = active.value;
    if (!patrol) throw new Error('no active patrol');
    stop();
    await queueBatch();
    const end = plain(lastPosition.value ?? patrol.start);
    const item: PatrolFinishItem = {
      ...base(patrol.domainName),
      kind: 'patrolFinish',
      patrolId: patrol.id,
      end,
    };
    last.value = {
      id: patrol.id,
      domainName: patrol.domainName,
      gridName: patrol.gridName,
      startedAt: patrol.startedAt,
      finishedAt: Date.now(),
      distanceMeters: trackDistance(patrol.points),
      points: plain(patrol.points),
      items: plain(patrol.items),
    };
    writeCache(LAST_KEY, last.value);
    active.value = null;
    save();
    const outcome = await outbox.submit(item as QueueItem);
    return { id: patrol.id, outcome };
  }

  return {
    active,
    last,
    now,
    gpsError,
    distance,
    elapsedSeconds,
    lastPosition,
    resume,
    start,
    record,
    finish,
    queueBatch,
  };
});
