package org.govgrid.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Bounded timing loops: warm-up, then at most {@code iterations} timed calls (and at most
 * {@code budget} of wall time, with at least {@code minSamples}), one after another; and a
 * throughput run of {@code clients} threads sharing at most {@code total} calls. Nothing
 * here asserts on time.
 */
final class Measure {

	/** One timed unit of work; {@code i} picks the input deterministically. */
	interface Task {

		void run(int i) throws Exception;

	}

	/** Opens a task for one client thread (its own connection, cookie jar, ...). */
	interface TaskFactory {

		Task open(int client) throws Exception;

	}

	record Latency(int samples, double p50, double p95, double p99, double mean, int errors, String firstError) {

		String cell() {
			return samples == 0 ? "–" : String.format(Locale.ROOT, "%s / %s / %s", ms(this.p50), ms(this.p95), ms(this.p99));
		}

	}

	record Throughput(int completed, int clients, double seconds, double perSecond, int errors) {
	}

	private Measure() {
	}

	static Latency sequential(Task task, int warmup, int iterations, long budgetNanos, int minSamples) {
		int errors = 0;
		String firstError = null;
		long warmupDeadline = System.nanoTime() + budgetNanos / 3;
		for (int i = 0; i < warmup && (i < 5 || System.nanoTime() < warmupDeadline); i++) {
			try {
				task.run(i);
			}
			catch (Exception ex) {
				errors++;
				firstError = firstError == null ? ex.toString() : firstError;
			}
		}
		long[] samples = new long[iterations];
		int n = 0;
		long deadline = System.nanoTime() + budgetNanos;
		for (int i = 0; i < iterations; i++) {
			long start = System.nanoTime();
			try {
				task.run(warmup + i);
			}
			catch (Exception ex) {
				errors++;
				firstError = firstError == null ? ex.toString() : firstError;
			}
			long end = System.nanoTime();
			samples[n++] = end - start;
			if (n >= minSamples && end > deadline) {
				break;
			}
		}
		return latency(Arrays.copyOf(samples, n), errors, firstError);
	}

	static Throughput concurrent(TaskFactory factory, int clients, int total, long budgetNanos) throws Exception {
		List<Task> tasks = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			tasks.add(factory.open(c));
		}
		AtomicInteger next = new AtomicInteger();
		AtomicInteger done = new AtomicInteger();
		AtomicInteger errors = new AtomicInteger();
		AtomicReference<String> firstError = new AtomicReference<>();
		long deadline = System.nanoTime() + budgetNanos;
		List<Thread> threads = new ArrayList<>();
		long start = System.nanoTime();
		for (Task task : tasks) {
			Thread thread = new Thread(() -> {
				int i;
				while ((i = next.getAndIncrement()) < total && System.nanoTime() < deadline) {
					try {
						task.run(100_000 + i);
					}
					catch (Exception ex) {
						errors.incrementAndGet();
						firstError.compareAndSet(null, ex.toString());
					}
					done.incrementAndGet();
				}
			});
			thread.start();
			threads.add(thread);
		}
		for (Thread thread : threads) {
			thread.join();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		if (firstError.get() != null) {
			System.err.println("  concurrent errors: " + errors.get() + ", first: " + firstError.get());
		}
		return new Throughput(done.get(), clients, seconds, done.get() / seconds, errors.get());
	}

	/** Throughput of a concurrent run with the latency of every call in it. */
	record Load(Throughput throughput, Latency latency) {
	}

	/**
	 * Like {@link #concurrent}, but each client also times every call it makes, so the
	 * percentiles are those under this concurrency (queueing included).
	 */
	static Load load(TaskFactory factory, int clients, int total, long budgetNanos) throws Exception {
		AtomicInteger next = new AtomicInteger();
		return drive(factory, clients, total, (client, k) -> {
			int i = next.getAndIncrement();
			return i < total ? i : -1;
		}, budgetNanos);
	}

	/**
	 * Like {@link #load}, but every client makes exactly {@code perClient} calls,
	 * {@code 0 .. perClient - 1} (each its own sequence, e.g. the batches of one track),
	 * unless {@code budgetNanos} runs out first.
	 */
	static Load loadEach(TaskFactory factory, int clients, int perClient, long budgetNanos) throws Exception {
		return drive(factory, clients, perClient, (client, k) -> k < perClient ? k : -1, budgetNanos);
	}

	/** Which call a client makes as its {@code k}-th, or -1 when it is done. */
	private interface Schedule {

		int next(int client, int k);

	}

	/**
	 * Runs one thread per client until its schedule ends or the budget runs out, timing
	 * every call; {@code capacity} bounds the calls of one client.
	 */
	private static Load drive(TaskFactory factory, int clients, int capacity, Schedule schedule, long budgetNanos)
			throws Exception {
		List<Task> tasks = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			tasks.add(factory.open(c));
		}
		AtomicInteger errors = new AtomicInteger();
		AtomicReference<String> firstError = new AtomicReference<>();
		long[][] samples = new long[clients][capacity];
		int[] counts = new int[clients];
		long deadline = System.nanoTime() + budgetNanos;
		List<Thread> threads = new ArrayList<>();
		long start = System.nanoTime();
		for (int c = 0; c < clients; c++) {
			Task task = tasks.get(c);
			int client = c;
			Thread thread = new Thread(() -> {
				int i;
				while (System.nanoTime() < deadline && (i = schedule.next(client, counts[client])) >= 0) {
					long began = System.nanoTime();
					try {
						task.run(i);
					}
					catch (Exception ex) {
						errors.incrementAndGet();
						firstError.compareAndSet(null, ex.toString());
					}
					samples[client][counts[client]++] = System.nanoTime() - began;
				}
			});
			thread.start();
			threads.add(thread);
		}
		for (Thread thread : threads) {
			thread.join();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		int done = 0;
		for (int count : counts) {
			done += count;
		}
		long[] all = new long[done];
		int n = 0;
		for (int c = 0; c < clients; c++) {
			System.arraycopy(samples[c], 0, all, n, counts[c]);
			n += counts[c];
		}
		if (firstError.get() != null) {
			System.err.println("  concurrent errors: " + errors.get() + ", first: " + firstError.get());
		}
		return new Load(new Throughput(done, clients, seconds, done / seconds, errors.get()),
				latency(all, errors.get(), firstError.get()));
	}

	private static Latency latency(long[] nanos, int errors, String firstError) {
		if (nanos.length == 0) {
			return new Latency(0, 0, 0, 0, 0, errors, firstError);
		}
		Arrays.sort(nanos);
		double sum = 0;
		for (long value : nanos) {
			sum += value;
		}
		return new Latency(nanos.length, rank(nanos, 0.50), rank(nanos, 0.95), rank(nanos, 0.99),
				sum / nanos.length / 1e6, errors, firstError);
	}

	/** Nearest-rank percentile, in milliseconds. */
	private static double rank(long[] sorted, double p) {
		int index = (int) Math.ceil(p * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
	}

	static String ms(double value) {
		if (value >= 100) {
			return String.format(Locale.ROOT, "%.0f", value);
		}
		if (value >= 10) {
			return String.format(Locale.ROOT, "%.1f", value);
		}
		return String.format(Locale.ROOT, "%.2f", value);
	}

}
