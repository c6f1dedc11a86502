package org.govgrid.dispatch;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.govgrid.patrol.WorkerPositions;
import org.govgrid.platform.DataScope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The board's live feed: every {@code poll} this node asks which positions arrived (from
 * any node: the table is shared, so no fan-out channel is needed) and tells each open
 * stream whose scope covers one of them that something moved: event {@code positions},
 * data {@code {"changed": n}}, never a position, so the board fetches the list (and that
 * read is audited). At most one event per stream per poll; nothing is asked while no
 * stream is open. A stream ends after {@code timeout} and the browser reconnects, which
 * needs a live session.
 */
@Component
class PositionStreams {

	/** Arrivals are looked for a little back in time: a slow commit is not missed. */
	private static final Duration OVERLAP = Duration.ofSeconds(10);

	private static final long RECONNECT_MILLIS = 5_000;

	private final WorkerPositions positions;

	private final Clock clock;

	private final Duration timeout;

	private final List<Stream> streams = new CopyOnWriteArrayList<>();

	/** Arrivals already told, by user, kept for the overlap. */
	private final Map<Long, Instant> told = new HashMap<>();

	private Instant polledAt;

	PositionStreams(WorkerPositions positions, Clock clock,
			@Value("${govgrid.dispatch.position-stream-timeout:10m}") Duration timeout) {
		this.positions = positions;
		this.clock = clock;
		this.timeout = timeout;
	}

	SseEmitter open(DataScope scope) {
		SseEmitter emitter = new SseEmitter(this.timeout.toMillis());
		Stream stream = new Stream(scope, emitter);
		emitter.onCompletion(() -> this.streams.remove(stream));
		emitter.onError(ex -> this.streams.remove(stream));
		emitter.onTimeout(() -> {
			this.streams.remove(stream);
			emitter.complete();
		});
		this.streams.add(stream);
		send(stream, SseEmitter.event().reconnectTime(RECONNECT_MILLIS).comment("connected"));
		return emitter;
	}

	@Scheduled(fixedDelayString = "${govgrid.dispatch.position-poll:2s}",
			initialDelayString = "${govgrid.dispatch.position-poll:2s}")
	synchronized void poll() {
		Instant now = this.clock.instant();
		if (this.streams.isEmpty()) {
			this.polledAt = now;
			this.told.clear();
			return;
		}
		Instant since = (this.polledAt == null ? now : this.polledAt).minus(OVERLAP);
		this.polledAt = now;
		List<WorkerPositions.Arrival> fresh = this.positions.arrivedSince(since)
			.stream()
			.filter(a -> !a.receivedAt().equals(this.told.get(a.userId())))
			.toList();
		fresh.forEach(a -> this.told.put(a.userId(), a.receivedAt()));
		this.told.values().removeIf(at -> at.isBefore(since));
		if (fresh.isEmpty()) {
			return;
		}
		for (Stream stream : this.streams) {
			long changed = fresh.stream().filter(a -> stream.scope().covers(a.scopePath())).count();
			if (changed > 0) {
				send(stream,
						SseEmitter.event()
							.name("positions")
							.data(Map.of("changed", changed), MediaType.APPLICATION_JSON));
			}
		}
	}

	/** Keeps proxies from cutting an idle stream; a broken one shows itself here. */
	@Scheduled(fixedDelayString = "${govgrid.messaging.heartbeat:25s}",
			initialDelayString = "${govgrid.messaging.heartbeat:25s}")
	void heartbeat() {
		this.streams.forEach(s -> send(s, SseEmitter.event().comment("heartbeat")));
	}

	private void send(Stream stream, SseEmitter.SseEventBuilder event) {
		try {
			stream.emitter().send(event);
		}
		catch (IOException | IllegalStateException ex) {
			this.streams.remove(stream);
		}
	}

	private record Stream(DataScope scope, SseEmitter emitter) {

		@Override
		public boolean equals(Object other) {
			return this == other;
		}

		@Override
		public int hashCode() {
			return System.identityHashCode(this);
		}

	}

}
