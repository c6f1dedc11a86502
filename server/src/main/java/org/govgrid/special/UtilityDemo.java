package org.govgrid.special;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.govgrid.basedata.Households;
import org.govgrid.region.RegionService;
import org.govgrid.region.RegionSummary;
import org.govgrid.warning.WarningSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The utility demo (profile {@code demo}), once, while no meter exists: a water and an
 * electricity meter for every demo house of 狮山街道 and a gas meter for the larger
 * households, with 60 days of hourly (gas: daily) cumulative readings up to now — among
 * them one silent 独居老人 household (water flat for the last 36 hours) and one surging flat
 * (electricity about 5× its median for the last days, a 群租房 hint) — and the two demo
 * rules. Written in batches over arrays.
 */
@Component
@Profile("demo")
@Order(30)
class UtilityDemo implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(UtilityDemo.class);

	private static final String TOWN = "320505006";

	private static final int DAYS = 60;

	private static final Duration SILENT = Duration.ofHours(36);

	private static final int SURGE_DAYS = 3;

	// share of a day's water and electricity used in each local hour (sums to 1)
	private static final double[] WATER_HOURS = { 0.01, 0, 0, 0, 0, 0.02, 0.08, 0.12, 0.08, 0.04, 0.03, 0.05, 0.06,
			0.03, 0.02, 0.02, 0.03, 0.05, 0.08, 0.09, 0.07, 0.05, 0.04, 0.03 };

	private static final double[] POWER_HOURS = { 0.03, 0.025, 0.025, 0.025, 0.025, 0.03, 0.04, 0.05, 0.04, 0.035,
			0.035, 0.04, 0.045, 0.04, 0.035, 0.035, 0.04, 0.05, 0.06, 0.065, 0.065, 0.06, 0.05, 0.04 };

	private final NamedParameterJdbcTemplate jdbc;

	private final ReadingStore store;

	private final Households households;

	private final RegionService regions;

	private final WarningSetup warnings;

	private final Clock clock;

	UtilityDemo(NamedParameterJdbcTemplate jdbc, ReadingStore store, Households households, RegionService regions,
			WarningSetup warnings, Clock clock) {
		this.jdbc = jdbc;
		this.store = store;
		this.households = households;
		this.regions = regions;
		this.warnings = warnings;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		RegionSummary town = this.regions.findByCode(TOWN).orElse(null);
		Integer existing = this.jdbc.queryForObject("select count(*) from utility_meter", new MapSqlParameterSource(),
				Integer.class);
		if (town == null || existing == null || existing > 0) {
			return;
		}
		List<Households.HouseSpot> houses = this.households.inArea(town.path());
		if (houses.isEmpty()) {
			return;
		}
		long started = System.currentTimeMillis();
		Map<Long, Integer> residents = this.households.residentsIn(town.path());
		List<Long> watched = this.households.withKeyGroup(UtilitySilenceSignals.WATCHED_GROUP, town.path());
		Long silent = watched.stream().min(Long::compare).orElse(null);
		Long surging = houses.stream()
			.filter(h -> residents.getOrDefault(h.id(), 0) >= 3 && !watched.contains(h.id()))
			.map(Households.HouseSpot::id)
			.filter(id -> id != (long) houses.get(0).id())
			.findFirst()
			.orElse(null);
		Instant end = this.clock.instant().truncatedTo(ChronoUnit.HOURS);
		Instant start = end.minus(Duration.ofDays(DAYS));
		Random random = new Random(20261207L);
		List<ReadingStore.Row> rows = new ArrayList<>();
		int meters = 0;
		for (Households.HouseSpot house : houses) {
			int people = residents.getOrDefault(house.id(), 0);
			double water = people == 0 ? 0.5 : 0.08 + 0.12 * people;
			double power = people == 0 ? 30 : 2 + 2.5 * people;
			long waterMeter = meter(MeterKind.WATER, "SW" + (32050600 + house.id()), house);
			hourly(rows, waterMeter, start, end, water, WATER_HOURS, random,
					Long.valueOf(house.id()).equals(silent) ? end.minus(SILENT) : null, 1);
			long powerMeter = meter(MeterKind.ELECTRICITY, "SE" + (32050600 + house.id()), house);
			hourly(rows, powerMeter, start, end, power, POWER_HOURS, random, null,
					Long.valueOf(house.id()).equals(surging) ? 5 : 1);
			meters += 2;
			if (people >= 2) {
				long gasMeter = meter(MeterKind.GAS, "SG" + (32050600 + house.id()), house);
				daily(rows, gasMeter, start, end, 0.3 + 0.15 * people, random);
				meters++;
			}
			if (rows.size() > 20000) {
				this.store.insert(rows);
				rows.clear();
			}
		}
		this.store.insert(rows);
		this.warnings.signalRule("独居老人24小时无用水", "UTILITY_SILENCE", town.id(), 24, null, null, "ORANGE", "MSFW-02");
		this.warnings.signalRule("用电用水突增（群租房线索）", "UTILITY_SURGE", town.id(), 5, null, 3.0, "YELLOW", "XFAQ-04");
		log.info("Utility demo seeded in {} ms: {} meters with {} days of readings",
				System.currentTimeMillis() - started, meters, DAYS);
	}

	private long meter(MeterKind kind, String number, Households.HouseSpot house) {
		return this.jdbc.queryForObject("""
				insert into utility_meter (kind, meter_number, house_id, grid_id, region_path, address, lon, lat,
				    created_at, updated_at)
				values (:kind, :number, :house, :grid, :path, :address, :lon, :lat, :at, :at) returning id""",
				new MapSqlParameterSource("kind", kind.name()).addValue("number", number)
					.addValue("house", house.id())
					.addValue("grid", house.gridId())
					.addValue("path", house.regionPath())
					.addValue("address", house.address())
					.addValue("lon", house.lon())
					.addValue("lat", house.lat())
					.addValue("at", java.sql.Timestamp.from(this.clock.instant().minus(Duration.ofDays(DAYS + 1)))),
				Long.class);
	}

	/**
	 * Hourly cumulative readings: no usage after {@code flatFrom} (if set), {@code surge}
	 * times the usage in the last days.
	 */
	private static void hourly(List<ReadingStore.Row> rows, long meterId, Instant start, Instant end, double perDay,
			double[] profile, Random random, Instant flatFrom, double surge) {
		double count = 1000 + random.nextInt(4000);
		Instant surgeFrom = end.minus(Duration.ofDays(SURGE_DAYS)).truncatedTo(ChronoUnit.DAYS);
		rows.add(new ReadingStore.Row(meterId, start, UsageSeries.round(count), true, null));
		for (Instant t = start.plus(Duration.ofHours(1)); !t.isAfter(end); t = t.plus(Duration.ofHours(1))) {
			int hour = t.atZone(MeterReadings.LOCAL).getHour();
			double usage = perDay * profile[hour] * (0.75 + 0.5 * random.nextDouble());
			if (flatFrom != null && t.isAfter(flatFrom)) {
				usage = 0;
			}
			if (t.isAfter(surgeFrom)) {
				usage *= surge;
			}
			double next = UsageSeries.round(count + usage);
			rows.add(new ReadingStore.Row(meterId, t, next, true, UsageSeries.round(next - count)));
			count = next;
		}
	}

	private static void daily(List<ReadingStore.Row> rows, long meterId, Instant start, Instant end, double perDay,
			Random random) {
		double count = 200 + random.nextInt(800);
		Instant first = start.atZone(MeterReadings.LOCAL)
			.toLocalDate()
			.plusDays(1)
			.atStartOfDay(MeterReadings.LOCAL)
			.toInstant();
		rows.add(new ReadingStore.Row(meterId, first, UsageSeries.round(count), true, null));
		for (Instant t = first.plus(Duration.ofDays(1)); !t.isAfter(end); t = t.plus(Duration.ofDays(1))) {
			double next = UsageSeries.round(count + perDay * (0.75 + 0.5 * random.nextDouble()));
			rows.add(new ReadingStore.Row(meterId, t, next, true, UsageSeries.round(next - count)));
			count = next;
		}
	}

}
