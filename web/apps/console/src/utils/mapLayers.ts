import type { DictType, MapFeatureProperties, MapLayerInfo, MapLayerType } from '@/api';
import { formatDateTime } from './format';

// The panoramic map's layer registry on the console side. The server lists the layers a caller
// may see (`GET /map/layers`: type, labels, icon key, colour); this file says how each type's
// markers and popups look. A type missing here still shows, with a plain popup (name, status).

/** What a popup needs to turn codes into words. */
export interface PopupContext {
  t: (key: string, values?: Record<string, unknown>) => string;
  /** a code's name in a server code table, in the current language */
  dict: (type: DictType, code: string | null | undefined) => string;
  eventStatus: (code: string | null | undefined) => string;
}

export interface PopupLine {
  text: string;
  className?: string;
}

/** How the console shows one layer type. */
export interface LayerKind {
  /** code tables its popups name codes from (loaded with the page) */
  dicts?: DictType[];
  /** the popup's title (the feature's `name` otherwise) */
  title?: (p: MapFeatureProperties, ctx: PopupContext) => string;
  /** the popup's lines under the title */
  lines?: (p: MapFeatureProperties, ctx: PopupContext) => PopupLine[];
  /** the page the popup leads to (none without) and the link's words */
  path?: (p: MapFeatureProperties) => string;
  linkLabel?: string;
  /** how many a marker counts for in its cluster, shown on it when more than one */
  weight?: (p: MapFeatureProperties) => number;
}

const text = (value: unknown) => (value == null ? '' : String(value));

/** "位置为网格中心" and the like, for records placed without a point of their own. */
function placedLine(p: MapFeatureProperties, ctx: PopupContext): PopupLine[] {
  return p.placed === 'HOUSE' || p.placed === 'GRID'
    ? [{ text: ctx.t(`basedata.panorama.placed.${p.placed}`), className: 'muted' }]
    : [];
}

function gridLine(p: MapFeatureProperties, ctx: PopupContext): PopupLine[] {
  return p.gridName ? [{ text: `${ctx.t('basedata.panorama.grid')}：${text(p.gridName)}` }] : [];
}

/** A base-data object: its type named from its code table, its drawer as the link. */
function record(type: string, table: DictType): LayerKind {
  return {
    dicts: [table],
    lines: (p, ctx) => (p.kindType ? [{ text: ctx.dict(table, p.kindType as string) }] : []),
    path: (p) => `/basedata/${type}/${p.id}`,
  };
}

export const LAYER_KINDS: Record<MapLayerType, LayerKind> = {
  people: {
    title: (p) => text(p.address ?? p.name),
    lines: (p, ctx) => [
      { text: ctx.t('basedata.panorama.people', { n: p.count ?? 0 }) },
      ...(p.keyCount
        ? [{ text: ctx.t('basedata.panorama.keyPeople', { n: p.keyCount }), className: 'key' }]
        : []),
    ],
    path: (p) => `/basedata/houses/${p.houseId ?? p.id}`,
    weight: (p) => {
      const count = Number(p.count);
      return Number.isFinite(count) && count > 0 ? count : 1;
    },
  },
  houses: record('houses', 'HOUSE_USE'),
  organizations: record('organizations', 'ORG_KIND'),
  places: record('places', 'PLACE_TYPE'),
  things: {
    dicts: ['THING_TYPE', 'THING_STATUS'],
    lines: (p, ctx) => [
      ...(p.kindType ? [{ text: ctx.dict('THING_TYPE', p.kindType as string) }] : []),
      ...(p.status
        ? [{ text: `${ctx.t('basedata.common.status')}：${ctx.dict('THING_STATUS', p.status)}` }]
        : []),
    ],
    path: (p) => `/basedata/things/${p.id}`,
  },
  events: {
    lines: (p, ctx) => [{ text: `${text(p.code)} · ${ctx.eventStatus(p.status)}` }],
    path: (p) => `/events/${p.id}`,
  },
  disputes: {
    dicts: ['DISPUTE_TYPE', 'DISPUTE_STATUS'],
    lines: (p, ctx) => [
      {
        text: `${ctx.dict('DISPUTE_TYPE', p.kindType as string)} · ${ctx.dict('DISPUTE_STATUS', p.status)}`,
        className: p.status === 'RESOLVED' || p.status === 'ESCALATED' ? 'muted' : 'key',
      },
      { text: `${ctx.t('basedata.panorama.occurredOn')}：${text(p.occurredOn)}` },
      { text: ctx.t('basedata.panorama.parties', { n: p.parties ?? 0 }) },
      ...gridLine(p, ctx),
      ...placedLine(p, ctx),
    ],
    path: (p) => `/basedata/disputes/${p.id}`,
  },
  'daily-notes': {
    title: (p, ctx) => {
      const key = `basedata.dailyNotes.topics.${text(p.kindType)}`;
      const topic = ctx.t(key);
      return `${topic === key ? text(p.name) : topic} · ${text(p.notedOn)}`;
    },
    lines: (p, ctx) => [
      { text: text(p.text), className: 'note' },
      { text: `${ctx.t('basedata.dailyNotes.author')}：${text(p.author)}` },
      ...gridLine(p, ctx),
      ...placedLine(p, ctx),
    ],
    path: () => '/basedata/daily-notes',
    linkLabel: 'basedata.panorama.openNotes',
  },
  cameras: {
    lines: (p, ctx) => [
      { text: text(p.deviceId) },
      {
        text: `${ctx.t('basedata.common.status')}：${ctx.t(`video.statuses.${text(p.status)}`)}`,
        className: p.status === 'ONLINE' ? undefined : 'muted',
      },
    ],
    path: () => '/video',
    linkLabel: 'basedata.panorama.openVideo',
  },
  // 基层党建: an organisation at its first grid's centre, the activities of the last 90 days
  'party-organizations': {
    lines: (p, ctx) => [
      { text: ctx.t(`party.types.${text(p.type)}`) },
      { text: ctx.t('party.panorama.members', { n: p.memberCount ?? 0 }) },
    ],
    path: () => '/party/organizations',
    linkLabel: 'party.panorama.openOrganizations',
  },
  'party-activities': {
    title: (p) => text(p.title ?? p.name),
    lines: (p, ctx) => [
      { text: ctx.t(`party.activityTypes.${text(p.type)}`) },
      { text: ctx.t('party.panorama.heldAt', { time: formatDateTime(text(p.heldAt)) }) },
      { text: ctx.t('party.panorama.organization', { name: text(p.organizationName) }) },
    ],
    path: () => '/party/activities',
    linkLabel: 'party.panorama.openActivities',
  },
  // 人流: each grid's latest quarter-hour count at its centre
  'crowd-flow': {
    lines: (p, ctx) => [
      { text: ctx.t('specialSocial.crowd.people', { n: p.people ?? 0 }), className: 'key' },
      ...(p.usual != null
        ? [{ text: ctx.t('specialSocial.crowd.usual', { n: Math.round(Number(p.usual)) }) }]
        : []),
      { text: formatDateTime(text(p.bucketStart)), className: 'muted' },
    ],
    path: () => '/special/crowd-flow',
    linkLabel: 'specialSocial.crowd.openHeatMap',
  },
};

/** A layer type's entry, or the plain one for a type this console does not know yet. */
export function layerKind(type: MapLayerType): LayerKind {
  return (
    LAYER_KINDS[type] ?? {
      lines: (p, ctx) =>
        p.status ? [{ text: `${ctx.t('basedata.common.status')}：${text(p.status)}` }] : [],
    }
  );
}

/** How many a marker counts for in its cluster: the people of a house, else one. */
export function markerWeight(type: MapLayerType, properties: MapFeatureProperties): number {
  return layerKind(type).weight?.(properties) ?? 1;
}

/** The page a marker's popup leads to, if any. */
export function featurePath(type: MapLayerType, properties: MapFeatureProperties): string | null {
  return layerKind(type).path?.(properties) ?? null;
}

/** The short sign on a single marker, by the server's icon key (the label's first character else). */
export const ICON_SIGNS: Record<string, string> = {
  person: '人',
  house: '房',
  organization: '组',
  place: '场',
  thing: '部',
  event: '事',
  dispute: '纠',
  note: '记',
  camera: '摄',
  party: '党',
  flag: '活',
  crowd: '人',
};

export function markerSign(layer: MapLayerInfo): string {
  return ICON_SIGNS[layer.icon] ?? Array.from(layer.label.zh)[0] ?? '•';
}

/** The layer's name in the current language. */
export function layerLabel(layer: MapLayerInfo, locale: string): string {
  return locale.startsWith('en') ? layer.label.en : layer.label.zh;
}

/** The code tables the popups of these layers need. */
export function layerDicts(layers: readonly MapLayerInfo[]): DictType[] {
  return [...new Set(layers.flatMap((layer) => layerKind(layer.type).dicts ?? []))];
}

/** The server's colour if it is one (`#rrggbb`; it goes into a marker's style), grey else. */
export function layerColour(layer: MapLayerInfo): string {
  return /^#[0-9a-fA-F]{6}$/.test(layer.colour) ? layer.colour : '#666666';
}
