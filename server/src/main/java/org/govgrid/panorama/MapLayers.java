package org.govgrid.panorama;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.govgrid.basedata.BaseDataKind;
import org.govgrid.basedata.BaseDataMap;
import org.govgrid.basedata.BaseDataMap.Box;
import org.govgrid.basedata.BaseDataMap.Point;
import org.govgrid.event.EventLookup;
import org.govgrid.platform.DataScope;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.NotFoundException;
import org.govgrid.platform.ScopedPrincipal;
import org.govgrid.region.RegionService;
import org.govgrid.region.RegionSummary;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The map's layers: each a GeoJSON FeatureCollection of points inside the area and the
 * box, capped so a town-wide view stays light (the collection says when it was cut).
 */
@Service
class MapLayers {

	static final int MAX_FEATURES = 5000;

	/** Closed events stay on the map this long after they were reported. */
	private static final Duration RECENT = Duration.ofDays(30);

	private static final Map<String, String> PERMISSIONS = Map.of("people", "basedata:person:read", "houses",
			"basedata:object:read", "organizations", "basedata:object:read", "places", "basedata:object:read", "things",
			"basedata:object:read", "events", "event:case:read-all");

	private final BaseDataMap baseData;

	private final EventLookup events;

	private final RegionService regions;

	private final Clock clock;

	MapLayers(BaseDataMap baseData, EventLookup events, RegionService regions, Clock clock) {
		this.baseData = baseData;
		this.events = events;
		this.regions = regions;
		this.clock = clock;
	}

	record Feature(String type, Map<String, Object> geometry, Map<String, Object> properties) {

		static Feature point(double lon, double lat, Map<String, Object> properties) {
			return new Feature("Feature", Map.of("type", "Point", "coordinates", List.of(lon, lat)), properties);
		}

	}

	record FeatureCollection(String type, List<Feature> features, Map<String, Object> properties) {
	}

	FeatureCollection layer(String type, Long regionId, String bbox, ScopedPrincipal caller) {
		String permission = PERMISSIONS.get(type);
		if (permission == null) {
			throw new NotFoundException("map layer", type);
		}
		if (!caller.can(permission)) {
			throw new AccessDeniedException(permission);
		}
		FieldErrors errors = new FieldErrors();
		double[] box = parseBox(bbox, errors);
		errors.throwIfAny();
		DataScope area = area(regionId, caller);
		Box within = box == null ? null : new Box(box[0], box[1], box[2], box[3]);
		List<Feature> features = switch (type) {
			case "people" -> this.baseData.peopleByHouse(area, within, MAX_FEATURES + 1)
				.stream()
				.map(p -> feature("person", p))
				.toList();
			case "events" -> this.events.located(area.path(), box, this.clock.instant().minus(RECENT), MAX_FEATURES + 1)
				.stream()
				.map(MapLayers::feature)
				.toList();
			default -> this.baseData.points(kind(type), area, within, MAX_FEATURES + 1)
				.stream()
				.map(p -> feature(kind(type).name().toLowerCase(java.util.Locale.ROOT), p))
				.toList();
		};
		boolean truncated = features.size() > MAX_FEATURES;
		return new FeatureCollection("FeatureCollection", truncated ? features.subList(0, MAX_FEATURES) : features,
				Map.of("layer", type, "truncated", truncated));
	}

	/** The named region if the caller may see it (else 404), or the caller's own area. */
	DataScope area(Long regionId, ScopedPrincipal caller) {
		if (regionId == null) {
			return caller.scope();
		}
		RegionSummary region = this.regions.find(regionId)
			.filter(r -> caller.scope().covers(r.path()))
			.orElseThrow(() -> new NotFoundException("region", regionId));
		return new DataScope(region.id(), region.path());
	}

	private static BaseDataKind kind(String type) {
		return switch (type) {
			case "houses" -> BaseDataKind.HOUSE;
			case "organizations" -> BaseDataKind.ORGANIZATION;
			case "places" -> BaseDataKind.PLACE;
			default -> BaseDataKind.THING;
		};
	}

	private static Feature feature(String kind, Point point) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("id", point.id());
		properties.put("kind", kind);
		properties.put("name", point.name());
		properties.put("status", point.status());
		properties.put("gridId", point.gridId());
		if (kind.equals("person")) {
			properties.put("address", point.name());
		}
		properties.putAll(point.extra());
		return Feature.point(point.lon(), point.lat(), properties);
	}

	private static Feature feature(EventLookup.Located event) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("id", event.id());
		properties.put("kind", "event");
		properties.put("name", event.title());
		properties.put("code", event.code());
		properties.put("status", event.status());
		properties.put("flag", event.flag());
		properties.put("level", event.level());
		properties.put("gridId", event.gridId());
		properties.put("reportedAt", event.reportedAt().toString());
		return Feature.point(event.lon(), event.lat(), properties);
	}

	static double[] parseBox(String bbox, FieldErrors errors) {
		if (bbox == null || bbox.isBlank()) {
			return null;
		}
		String[] parts = bbox.split(",");
		try {
			if (parts.length != 4) {
				throw new NumberFormatException();
			}
			double[] box = new double[4];
			for (int i = 0; i < 4; i++) {
				box[i] = Double.parseDouble(parts[i].strip());
			}
			if (box[0] > box[2] || box[1] > box[3] || box[0] < -180 || box[2] > 180 || box[1] < -90 || box[3] > 90) {
				throw new NumberFormatException();
			}
			return box;
		}
		catch (NumberFormatException ex) {
			errors.add("bbox", "minLon,minLat,maxLon,maxLat within ±180/±90 / 范围应为 最小经度,最小纬度,最大经度,最大纬度");
			return null;
		}
	}

}
