package org.govgrid.panorama;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.govgrid.basedata.BaseDataMap;
import org.springframework.stereotype.Component;

/**
 * 民情日志 of the last 30 days (today included), each at its grid's centre, its text
 * shortened.
 */
@Component
class DailyNotesLayer implements MapLayerProvider {

	static final int DAYS = 30;

	private static final MapLayerDescriptor DESCRIPTOR = new MapLayerDescriptor("daily-notes",
			"basedata:situation:read", "民情日志", "Daily notes", "note", "#795548", 80);

	private final BaseDataMap baseData;

	private final Clock clock;

	DailyNotesLayer(BaseDataMap baseData, Clock clock) {
		this.baseData = baseData;
		this.clock = clock;
	}

	@Override
	public MapLayerDescriptor descriptor() {
		return DESCRIPTOR;
	}

	@Override
	public List<MapFeature> features(MapLayerQuery query) {
		LocalDate since = LocalDate.ofInstant(query.now(), this.clock.getZone()).minusDays(DAYS - 1);
		return this.baseData.dailyNotes(query.area(), PointFeatures.box(query), since, query.limit())
			.stream()
			.map(point -> PointFeatures.of("daily-note", point))
			.toList();
	}

}
