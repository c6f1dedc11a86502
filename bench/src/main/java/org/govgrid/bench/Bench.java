package org.govgrid.bench;

import java.util.HashMap;
import java.util.Map;

/**
 * Entry point: {@code generate} writes the synthetic region hierarchy straight into the
 * server's database, {@code run} measures the API beside the raw-PostgreSQL baseline.
 *
 * <pre>
 * generate --scale town|city --jdbc jdbc:postgresql://localhost:PGPORT/postgres
 * run --url http://localhost:PORT --jdbc jdbc:postgresql://localhost:PGPORT/postgres [--scale city]
 *     [--iterations 2000] [--warmup 200] [--clients 8] [--concurrent-requests 2000] [--budget-seconds 45]
 *     [--results bench/results] [--server-log FILE] [--ops floor,locate,tree,geojson,login,write,events,patrol]
 *     [--event-clients 4,8] [--event-count 2000] [--event-warmup 100]
 *     [--patrol-clients 4] [--patrol-batches 40] [--patrol-warmup 3]
 * generate-events --jdbc URL [--events 10000000] [--years 2]   (then run with --ops dashboard)
 * generate-people --jdbc URL --data-dir DIR [--people 200000]   (restart, then run with --ops search)
 * generate-suggest --jdbc URL [--events 6000]   (restart, then run with --ops suggest)
 * </pre>
 */
public final class Bench {

	private Bench() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length == 0) {
			usage();
			return;
		}
		Options options = Options.parse(args);
		switch (args[0]) {
			case "generate" -> new Generator(options).generate();
			case "run" -> new Runner(options).run();
			case "generate-events" -> DashboardBench.generate(options);
			case "generate-people" -> PeopleGenerator.generate(options);
			case "generate-suggest" -> SuggestBench.generate(options);
			default -> usage();
		}
	}

	private static void usage() {
		System.err.println("usage: generate --scale town|city --jdbc URL  |  run --url http://localhost:PORT --jdbc URL");
		System.exit(2);
	}

	/** {@code --key value} and {@code --key=value} after the command word. */
	record Options(Map<String, String> values) {

		static Options parse(String[] args) {
			Map<String, String> values = new HashMap<>();
			for (int i = 1; i < args.length; i++) {
				String arg = args[i];
				if (!arg.startsWith("--")) {
					throw new IllegalArgumentException("unexpected argument " + arg);
				}
				int eq = arg.indexOf('=');
				if (eq > 0) {
					values.put(arg.substring(2, eq), arg.substring(eq + 1));
				}
				else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
					values.put(arg.substring(2), args[++i]);
				}
				else {
					values.put(arg.substring(2), "true");
				}
			}
			return new Options(values);
		}

		String get(String key, String fallback) {
			return this.values.getOrDefault(key, fallback);
		}

		int getInt(String key, int fallback) {
			String value = this.values.get(key);
			return value == null ? fallback : Integer.parseInt(value);
		}

		String require(String key) {
			String value = this.values.get(key);
			if (value == null || value.isBlank()) {
				throw new IllegalArgumentException("--" + key + " is required");
			}
			return value;
		}

	}

}
