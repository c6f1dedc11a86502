package org.govgrid.panorama;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.govgrid.event.EventLookup;
import org.springframework.stereotype.Component;

/** Open events, and closed ones for a month after they were reported. */
@Component
class EventsLayer implements MapLayerProvider {

	/** Closed events stay on the map this long after they were reported. */
	private static final Duration RECENT = Duration.ofDays(30);

	private static final MapLayerDescriptor DESCRIPTOR = new MapLayerDescriptor("events", "event:case:read-all", "事件",
			"Events", "event", "#e23b3b", 60);

	private final EventLookup events;

	EventsLayer(EventLookup events) {
		this.events = events;
	}

	@Override
	public MapLayerDescriptor descriptor() {
		return DESCRIPTOR;
	}

	@Override
	public List<MapFeature> features(MapLayerQuery query) {
		return this.events
			.located(query.area().path(), query.box() == null ? null : query.box().toArray(), query.now().minus(RECENT),
					query.limit())
			.stream()
			.map(EventsLayer::feature)
			.toList();
	}

	private static MapFeature feature(EventLookup.Located event) {
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
		return MapFeature.point(event.lon(), event.lat(), properties);
	}

}
