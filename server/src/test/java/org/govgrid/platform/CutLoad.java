package org.govgrid.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiClient.Response;

/**
 * The load {@link DatabaseCutIT} holds while it kills the database: several threads, each
 * repeating one kind of request, every request recorded with its timing and answer.
 */
final class CutLoad implements AutoCloseable {

	/** A kind of request and the answers it may give with the database up or away. */
	enum Kind {

		/** An event report with an Idempotency-Key (a write), signed in. */
		REPORT(Set.of(201, 503)),
		/** The event list (a read), signed in. */
		LIST(Set.of(200, 503)),
		/**
		 * A sign-in from a new client: the request that creates a session row, saved as
		 * the answer goes out.
		 */
		SIGN_IN(Set.of(200, 503)),
		/** No session at all: refused before any database call. */
		ANONYMOUS(Set.of(401));

		final Set<Integer> allowed;

		Kind(Set<Integer> allowed) {
			this.allowed = allowed;
		}

		boolean needsDatabase() {
			return this != ANONYMOUS;
		}

	}

	/** One request sent: its kind, key, when, and what came back. */
	record Attempt(Kind kind, String key, long startedAt, long endedAt, int status, String type, String retryAfter,
			long id) {

		static Attempt of(Kind kind, String key, Supplier<Response> send) {
			long start = System.nanoTime();
			int status;
			String type = "";
			String retryAfter = null;
			long id = 0;
			try {
				Response response = send.get();
				status = response.status();
				retryAfter = response.header("Retry-After");
				if (kind == Kind.REPORT && status == 201) {
					id = response.json().path("id").asLong();
				}
				else if (response.contentType().contains("json") && status >= 400) {
					type = response.problemType();
				}
			}
			catch (RuntimeException ex) {
				// a broken connection or a timeout of the client: counted as a failure
				status = -1;
				type = ex.toString();
			}
			return new Attempt(kind, key, start, System.nanoTime(), status, type, retryAfter, id);
		}

		long millis() {
			return (this.endedAt - this.startedAt) / 1_000_000;
		}

	}

	private final ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();

	private final AtomicBoolean stop = new AtomicBoolean();

	private final ExecutorService threads = Executors.newCachedThreadPool();

	/** Starts {@code count} threads repeating {@code request} until {@link #close()}. */
	CutLoad repeat(int count, Supplier<Attempt> request) {
		for (int i = 0; i < count; i++) {
			this.threads.submit(() -> {
				while (!this.stop.get()) {
					this.attempts.add(request.get());
				}
			});
		}
		return this;
	}

	/** Reports as {@code reporter}, each with a fresh key. */
	static Supplier<Attempt> reports(ApiClient reporter, Map<String, Object> body) {
		return () -> {
			String key = UUID.randomUUID().toString();
			return Attempt.of(Kind.REPORT, key,
					() -> reporter.post("/api/v1/events", body, Map.of("Idempotency-Key", key)));
		};
	}

	static Supplier<Attempt> lists(ApiClient reader) {
		return () -> Attempt.of(Kind.LIST, null, () -> reader.get("/api/v1/events?size=5"));
	}

	/**
	 * Signs in from a new client each time; its CSRF cookie comes from the public config,
	 * which needs no database.
	 */
	static Supplier<Attempt> signIns(int port, String username, String password) {
		return () -> {
			ApiClient client = new ApiClient(port);
			return Attempt.of(Kind.SIGN_IN, null, () -> {
				client.get("/api/v1/config/public");
				return client.login(username, password);
			});
		};
	}

	static Supplier<Attempt> anonymous(int port) {
		ApiClient client = new ApiClient(port);
		return () -> Attempt.of(Kind.ANONYMOUS, null, () -> client.get("/api/v1/events?size=5"));
	}

	/** Every attempt made so far. */
	List<Attempt> attempts() {
		return new ArrayList<>(this.attempts);
	}

	boolean anySince(long nanos, Kind kind, int status) {
		return this.attempts.stream().anyMatch(a -> a.startedAt() >= nanos && a.kind() == kind && a.status() == status);
	}

	@Override
	public void close() throws InterruptedException {
		this.stop.set(true);
		this.threads.shutdown();
		if (!this.threads.awaitTermination(40, TimeUnit.SECONDS)) {
			throw new IllegalStateException("the load did not stop within 40 s");
		}
	}

}
