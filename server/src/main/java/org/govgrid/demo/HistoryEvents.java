package org.govgrid.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.govgrid.demo.HistoryTown.Grid;
import org.govgrid.demo.HistoryTown.Person;

/**
 * Half a year of the demo town's events, made up from a fixed seed and dated back from
 * {@code now}: categories with uneven frequencies, sources as a town really sees them,
 * texts from {@link ReportTexts}, a few places where problems keep coming back (so 热点研判
 * finds clusters), and each event walked through its flow to a state that depends on its
 * age ({@link HistoryFlows}).
 */
final class HistoryEvents {

	static final long SEED = 20261207L;

	static final int DAYS = 180;

	/** Sources and their shares (per thousand). */
	private static final String[] SOURCES = { "GRID_WORKER", "HOTLINE_12345", "CITIZEN", "VIDEO_AI", "IOT",
			"DEPARTMENT", "HIGHER_LEVEL" };

	private static final int[] SOURCE_SHARES = { 520, 200, 120, 60, 40, 30, 30 };

	private final HistoryTown town;

	private final Random random = new Random(SEED);

	private final List<String> categories = ReportTexts.PHRASES.keySet().stream().sorted().toList();

	private final double[] weights;

	HistoryEvents(HistoryTown town) {
		this.town = town;
		this.weights = new double[this.categories.size()];
		for (int i = 0; i < this.weights.length; i++) {
			// some 小类 far commoner than others (Zipf-like, shuffled by the seed)
			this.weights[i] = 1.0 / (1 + this.random.nextInt(this.categories.size()));
		}
	}

	/** About {@code total} events in time order, each with its flow. */
	List<HistoryEvent> generate(int total, Instant now, Map<LocalDate, Integer> codesTaken) {
		List<HistoryEvent> events = new ArrayList<>(total);
		List<Hotspot> hotspots = hotspots();
		for (int i = 0; i < total; i++) {
			Instant reported;
			Grid grid;
			String category;
			double lon;
			double lat;
			Hotspot hotspot = this.random.nextInt(8) == 0 ? hotspots.get(this.random.nextInt(hotspots.size())) : null;
			if (hotspot != null) {
				// the places that keep coming back, more of them lately
				long ageMinutes = (long) (Math.pow(this.random.nextDouble(), 2.5) * DAYS * 1440);
				reported = now.minus(Duration.ofMinutes(Math.max(20, ageMinutes)));
				grid = hotspot.grid();
				category = this.random.nextInt(3) == 0 ? pickCategory() : hotspot.category();
				lon = hotspot.lon() + (this.random.nextDouble() - 0.5) * 0.0012;
				lat = hotspot.lat() + (this.random.nextDouble() - 0.5) * 0.0010;
			}
			else {
				// a slowly growing workload, busier in the day
				double position = Math.sqrt(this.random.nextDouble());
				long day = (long) (position * DAYS);
				int minuteOfDay = 7 * 60 + this.random.nextInt(13 * 60);
				reported = now.minus(Duration.ofDays(DAYS - day))
					.plus(Duration.ofMinutes(minuteOfDay - 12 * 60L + this.random.nextInt(120)));
				if (reported.isAfter(now.minusSeconds(600))) {
					reported = now.minusSeconds(600 + this.random.nextInt(7200));
				}
				grid = this.town.grids().get(this.random.nextInt(this.town.grids().size()));
				category = pickCategory();
				lon = grid.lon() + (this.random.nextDouble() - 0.5) * grid.width() * 0.6;
				lat = grid.lat() + (this.random.nextDouble() - 0.5) * grid.height() * 0.6;
			}
			String source = pickSource();
			Person reporter = "GRID_WORKER".equals(source) ? grid.worker() : this.town.centre();
			String description = ReportTexts.text(category, this.random);
			String address = grid.communityName() + ReportTexts.place(this.random) + "附近";
			events.add(new HistoryEvent(category, source, reporter, reporterName(source, reporter), grid, lon, lat,
					address, description, reported));
		}
		events.sort(Comparator.comparing(HistoryEvent::reportedAt));
		HistoryFlows flows = new HistoryFlows(this.town, this.random, now, codesTaken);
		for (int i = 0; i < events.size(); i++) {
			flows.walk(events.get(i), i);
		}
		return events;
	}

	private static String reporterName(String source, Person reporter) {
		return switch (source) {
			case "HOTLINE_12345" -> "12345热线";
			case "CITIZEN" -> "市民随手拍";
			case "VIDEO_AI" -> "视频智能识别";
			case "IOT" -> "物联感知平台";
			case "DEPARTMENT" -> "区城管局";
			case "HIGHER_LEVEL" -> "高新区指挥中心";
			default -> reporter.name();
		};
	}

	/** Five places in five grids, each with the problem it is known for. */
	private List<Hotspot> hotspots() {
		String[] known = { "CSGL-01", "HJWS-01", "XFAQ-02", "CSGL-05", "GGSS-02" };
		List<Hotspot> hotspots = new ArrayList<>();
		List<Grid> grids = this.town.grids();
		for (int h = 0; h < known.length; h++) {
			Grid grid = grids.get((h * 5 + 2) % grids.size());
			String category = ReportTexts.PHRASES.containsKey(known[h]) ? known[h] : pickCategory();
			hotspots
				.add(new Hotspot(grid, grid.lon() + grid.width() * 0.1, grid.lat() - grid.height() * 0.1, category));
		}
		return hotspots;
	}

	private String pickCategory() {
		double sum = 0;
		for (double weight : this.weights) {
			sum += weight;
		}
		double r = this.random.nextDouble() * sum;
		for (int i = 0; i < this.weights.length; i++) {
			r -= this.weights[i];
			if (r <= 0) {
				return this.categories.get(i);
			}
		}
		return this.categories.get(this.categories.size() - 1);
	}

	private String pickSource() {
		int r = this.random.nextInt(1000);
		for (int i = 0; i < SOURCES.length; i++) {
			r -= SOURCE_SHARES[i];
			if (r < 0) {
				return SOURCES[i];
			}
		}
		return SOURCES[0];
	}

	private record Hotspot(Grid grid, double lon, double lat, String category) {
	}

}
