import { panoramaApi, type MapFeature, type MapLayerInfo, type MapLayerType } from '@/api';
import { layerColour, markerSign, markerWeight } from '@/utils/mapLayers';
import { bboxParam, needsReload, padBox, type Box, type Loaded } from '@/utils/panorama';
import L from 'leaflet';
import 'leaflet.markercluster';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import { onBeforeUnmount, reactive, ref } from 'vue';

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

/** A marker's or cluster's round label, as DOM (the sign comes from the server's list). */
function badge(colour: string, label: string): HTMLElement {
  const span = document.createElement('span');
  span.style.background = colour;
  span.textContent = label;
  return span;
}

function clusterIcon(layer: MapLayerInfo) {
  return (cluster: L.MarkerCluster) => {
    const total = cluster
      .getAllChildMarkers()
      .reduce((sum, m) => sum + ((m as WeightedMarker).weight ?? 1), 0);
    const size = total < 100 ? 34 : total < 1000 ? 40 : 48;
    return L.divIcon({
      className: `pano-cluster pano-cluster-${layer.type}`,
      html: badge(layerColour(layer), String(total)),
      iconSize: [size, size],
    });
  };
}

function markerIcon(layer: MapLayerInfo, weight: number) {
  return L.divIcon({
    className: `pano-marker pano-marker-${layer.type}`,
    html: badge(layerColour(layer), weight > 1 ? String(weight) : markerSign(layer)),
    iconSize: [26, 26],
    iconAnchor: [13, 13],
    popupAnchor: [0, -12],
  });
}

/**
 * The point layers of the panoramic map, as the server lists them (`setLayers`), one
 * marker-cluster group each, loaded for the visible box (with a margin) on every move or zoom
 * that leaves what is loaded. `describe` builds a marker's popup.
 */
export function useMapLayers(describe: (type: MapLayerType, feature: MapFeature) => HTMLElement) {
  const layers = ref<MapLayerInfo[]>([]);
  const state = reactive<Record<MapLayerType, LayerState>>({});
  const groups = new Map<MapLayerType, L.MarkerClusterGroup>();
  const loaded = new Map<MapLayerType, Loaded>();
  const requests = new Map<MapLayerType, AbortController>();
  let map: L.Map | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  function info(type: MapLayerType) {
    return layers.value.find((layer) => layer.type === type);
  }

  async function load(type: MapLayerType) {
    const layerInfo = info(type);
    if (!map || !layerInfo) return;
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
            icon: markerIcon(layerInfo, weight),
            keyboard: false,
          }) as WeightedMarker;
          marker.weight = weight;
          marker.bindPopup(() => describe(type, feature), { minWidth: 180, maxWidth: 280 });
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
    for (const layer of layers.value) if (state[layer.type]?.enabled) void load(layer.type);
  }

  function schedule() {
    if (timer) clearTimeout(timer);
    timer = setTimeout(refresh, 250);
  }

  /** One cluster group per listed layer, on the map while the layer is on. */
  function drawGroups() {
    if (!map) return;
    for (const layer of layers.value) {
      if (groups.has(layer.type)) continue;
      const group = L.markerClusterGroup({
        iconCreateFunction: clusterIcon(layer),
        showCoverageOnHover: false,
        maxClusterRadius: 50,
        chunkedLoading: true,
        spiderfyOnMaxZoom: true,
      });
      groups.set(layer.type, group);
      if (state[layer.type].enabled) group.addTo(map);
    }
    schedule();
  }

  /** The layers the server lists for the caller, each on at first. */
  function setLayers(list: readonly MapLayerInfo[]) {
    layers.value = [...list];
    for (const layer of list) {
      state[layer.type] ??= {
        enabled: true,
        loading: false,
        count: 0,
        truncated: false,
        failed: false,
      };
    }
    drawGroups();
  }

  /** Draws the layers on `target` and follows its moves. */
  function attach(target: L.Map) {
    map = target;
    // clustering needs a top zoom, which a map without tiles does not have
    if (target.options.maxZoom === undefined) target.setMaxZoom(19);
    target.on('moveend', schedule);
    drawGroups();
  }

  function toggle(type: MapLayerType, on: boolean) {
    if (!state[type]) return;
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

  return { layers, state, attach, setLayers, toggle, refresh };
}
