import { panoramaApi, type MapFeature, type MapLayerType } from '@/api';
import {
  LAYER_COLOURS,
  LAYER_SIGNS,
  bboxParam,
  markerWeight,
  needsReload,
  padBox,
  type Box,
  type Loaded,
} from '@/utils/panorama';
import L from 'leaflet';
import 'leaflet.markercluster';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import { onBeforeUnmount, reactive } from 'vue';

export interface LayerState {
  enabled: boolean;
  loading: boolean;
  /** features drawn (people layer: houses) */
  count: number;
  truncated: boolean;
  failed: boolean;
}

type WeightedMarker = L.Marker & { weight?: number };

function boxOf(bounds: L.LatLngBounds): Box {
  return {
    west: bounds.getWest(),
    south: bounds.getSouth(),
    east: bounds.getEast(),
    north: bounds.getNorth(),
  };
}

function clusterIcon(type: MapLayerType) {
  return (cluster: L.MarkerCluster) => {
    const total = cluster
      .getAllChildMarkers()
      .reduce((sum, m) => sum + ((m as WeightedMarker).weight ?? 1), 0);
    const size = total < 100 ? 34 : total < 1000 ? 40 : 48;
    return L.divIcon({
      className: `pano-cluster pano-cluster-${type}`,
      html: `<span style="background:${LAYER_COLOURS[type]}">${total}</span>`,
      iconSize: [size, size],
    });
  };
}

function markerIcon(type: MapLayerType, weight: number) {
  const label = type === 'people' && weight > 1 ? String(weight) : LAYER_SIGNS[type];
  return L.divIcon({
    className: `pano-marker pano-marker-${type}`,
    html: `<span style="background:${LAYER_COLOURS[type]}">${label}</span>`,
    iconSize: [26, 26],
    iconAnchor: [13, 13],
    popupAnchor: [0, -12],
  });
}

/**
 * The point layers of the panoramic map, one marker-cluster group each, loaded for the visible
 * box (with a margin) on every move or zoom that leaves what is loaded. `describe` builds a
 * marker's popup.
 */
export function useMapLayers(
  types: readonly MapLayerType[],
  describe: (type: MapLayerType, feature: MapFeature) => HTMLElement,
) {
  const state = reactive(
    Object.fromEntries(
      types.map((type) => [
        type,
        { enabled: true, loading: false, count: 0, truncated: false, failed: false },
      ]),
    ) as Record<MapLayerType, LayerState>,
  );
  const groups = new Map<MapLayerType, L.MarkerClusterGroup>();
  const loaded = new Map<MapLayerType, Loaded>();
  const requests = new Map<MapLayerType, AbortController>();
  let map: L.Map | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  async function load(type: MapLayerType) {
    if (!map) return;
    const view = boxOf(map.getBounds());
    const zoom = map.getZoom();
    if (!needsReload(loaded.get(type), view, zoom)) return;
    requests.get(type)?.abort();
    const controller = new AbortController();
    requests.set(type, controller);
    const box = padBox(view);
    state[type].loading = true;
    try {
      const layer = await panoramaApi.layer(type, { bbox: bboxParam(box) }, controller.signal);
      const markers = layer.features
        .filter((f) => f.geometry?.coordinates?.length === 2)
        .map((feature) => {
          const [lon, lat] = feature.geometry.coordinates;
          const weight = markerWeight(type, feature.properties);
          const marker = L.marker([lat, lon], {
            icon: markerIcon(type, weight),
            keyboard: false,
          }) as WeightedMarker;
          marker.weight = weight;
          marker.bindPopup(() => describe(type, feature), { minWidth: 180 });
          return marker;
        });
      const group = groups.get(type);
      group?.clearLayers();
      group?.addLayers(markers);
      const truncated = layer.properties?.truncated === true;
      loaded.set(type, { box, truncated, zoom });
      Object.assign(state[type], { count: markers.length, truncated, failed: false });
    } catch (e) {
      if ((e as { name?: string }).name === 'CanceledError') return;
      state[type].failed = true;
    } finally {
      if (requests.get(type) === controller) {
        state[type].loading = false;
        requests.delete(type);
      }
    }
  }

  function refresh() {
    for (const type of types) if (state[type].enabled) void load(type);
  }

  function schedule() {
    if (timer) clearTimeout(timer);
    timer = setTimeout(refresh, 250);
  }

  /** Draws the layers on `target` and follows its moves. */
  function attach(target: L.Map) {
    map = target;
    // clustering needs a top zoom, which a map without tiles does not have
    if (target.options.maxZoom === undefined) target.setMaxZoom(19);
    for (const type of types) {
      const group = L.markerClusterGroup({
        iconCreateFunction: clusterIcon(type),
        showCoverageOnHover: false,
        maxClusterRadius: 50,
        chunkedLoading: true,
        spiderfyOnMaxZoom: true,
      });
      groups.set(type, group);
      if (state[type].enabled) group.addTo(target);
    }
    target.on('moveend', schedule);
    schedule();
  }

  function toggle(type: MapLayerType, on: boolean) {
    state[type].enabled = on;
    const group = groups.get(type);
    if (!map || !group) return;
    if (on) {
      group.addTo(map);
      void load(type);
    } else {
      group.remove();
    }
  }

  onBeforeUnmount(() => {
    if (timer) clearTimeout(timer);
    for (const controller of requests.values()) controller.abort();
    map?.off('moveend', schedule);
    map = null;
  });

  return { state, attach, toggle, refresh };
}
