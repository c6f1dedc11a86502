package org.govgrid.special;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.govgrid.platform.DataScope;
import org.govgrid.platform.ScopedPrincipal;
import org.govgrid.region.RegionListing;
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
 * The demo's public opinion and crowd flow (profile {@code demo}), once: two weeks of
 * counts for every grid of 狮山街道 up to the current quarter hour, with morning and evening
 * rush hours and quieter weekends, the grid by the metro station (狮山社区第4网格) far above its
 * usual in the last bucket; 30 opinion items of 微博, 论坛, 新闻 and 12345 naming demo places,
 * five of them complaints about 竹园菜市场 within the last day; and the two rules that catch
 * both.
 */
@Component
@Profile("demo")
@Order(31)
class SocialDemo implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(SocialDemo.class);

	static final String TOWN = "320505006";

	static final String STATION_GRID = "320505006001004";

	static final int CROWD_THRESHOLD = 1500;

	// two weeks, so that every bucket of the last week has a usual count
	static final int DAYS = 14;

	static final double CROWD_FACTOR = 3.0;

	private static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");

	private final NamedParameterJdbcTemplate jdbc;

	private final RegionService regions;

	private final RegionListing listing;

	private final CrowdStore crowd;

	private final Opinions opinions;

	private final WarningSetup warnings;

	private final Clock clock;

	SocialDemo(NamedParameterJdbcTemplate jdbc, RegionService regions, RegionListing listing, CrowdStore crowd,
			Opinions opinions, WarningSetup warnings, Clock clock) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.listing = listing;
		this.crowd = crowd;
		this.opinions = opinions;
		this.warnings = warnings;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		RegionSummary town = this.regions.findByCode(TOWN).orElse(null);
		if (town == null) {
			return;
		}
		// the demo's own opinion items mark it seeded (the rules are warning's table)
		Integer seeded = this.jdbc.queryForObject("select count(*) from opinion_item where url like :demo",
				new MapSqlParameterSource("demo", DemoOpinions.URL_PREFIX + "%"), Integer.class);
		if (seeded != null && seeded > 0) {
			return;
		}
		long started = System.currentTimeMillis();
		Instant now = this.clock.instant();
		int counts = crowd(town, now);
		OpinionCommands.Result items = this.opinions.ingest(new OpinionCommands.Batch(DemoOpinions.items(now)), false,
				SYSTEM);
		this.warnings.signalRule("网格人员密集（一刻钟超1500人或同期3倍）", CrowdDensitySignal.KIND, town.id(), CROWD_THRESHOLD, null,
				CROWD_FACTOR, "ORANGE", null);
		this.warnings.signalRule("同一区域24小时负面舆情≥5条", OpinionBurstSignal.KIND, town.id(), 5, 24, null, "YELLOW", null);
		log.info("Special social demo seeded in {} ms: {} crowd counts, {} opinion items",
				System.currentTimeMillis() - started, counts, items.accepted());
	}

	/** Two weeks of quarter hours for each grid of the town, up to the current one. */
	private int crowd(RegionSummary town, Instant now) {
		Random random = new Random(20261207L);
		Instant last = CrowdLimits.bucketOf(now);
		Instant first = last.minus(Duration.ofDays(DAYS));
		List<CrowdStore.Row> rows = new ArrayList<>();
		for (RegionListing.GridOutline grid : this.listing.gridsUnder(town.path())) {
			boolean station = grid.code().equals(STATION_GRID);
			int base = station ? 320 : 60 + random.nextInt(140);
			for (Instant bucket = first; !bucket.isAfter(last); bucket = bucket.plus(CrowdLimits.BUCKET)) {
				double people = base * profile(ZonedDateTime.ofInstant(bucket, LOCAL), station)
						* (0.9 + 0.2 * random.nextDouble());
				if (station && bucket.equals(last)) {
					people = Math.max(2600, people * 5);
				}
				rows.add(new CrowdStore.Row(grid.id(), grid.path(), bucket, (int) Math.round(people)));
			}
		}
		this.crowd.upsert(rows, now);
		return rows.size();
	}

	/** How busy a quarter hour is against the grid's base: rush hours on workdays. */
	static double profile(ZonedDateTime local, boolean station) {
		double hour = local.getHour() + local.getMinute() / 60.0;
		boolean weekend = local.getDayOfWeek().getValue() >= 6;
		double night = hour < 6 || hour >= 23 ? 0.15 : 1.0;
		double morning = weekend ? 0 : bump(hour, 8.25, 0.75) * (station ? 2.2 : 1.2);
		double evening = weekend ? 0 : bump(hour, 18.0, 0.9) * (station ? 1.9 : 1.0);
		double midday = bump(hour, 12.5, 2.5) * (weekend ? 0.9 : 0.4);
		return night * (0.45 + morning + evening + midday);
	}

	private static double bump(double hour, double centre, double width) {
		double d = (hour - centre) / width;
		return Math.exp(-d * d);
	}

	private static final ScopedPrincipal SYSTEM = new ScopedPrincipal() {

		@Override
		public long userId() {
			return 0;
		}

		@Override
		public String username() {
			return "system";
		}

		@Override
		public DataScope scope() {
			return DataScope.SYSTEM;
		}

		@Override
		public String displayName() {
			return "系统";
		}

		@Override
		public Long departmentId() {
			return null;
		}

		@Override
		public Set<String> permissions() {
			return Set.of();
		}

	};

}
