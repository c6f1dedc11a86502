package org.govgrid.messaging;

import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.govgrid.messaging.NotificationInbox.Addressed;
import org.govgrid.messaging.Subscribers.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter.SseEventBuilder;

/**
 * The server-sent event streams of the users connected to this node: opening them,
 * pushing new notifications into them, a heartbeat that keeps proxies from cutting idle
 * connections, and closing a stream whose session has ended (sign-out, idle or absolute
 * timeout, a disabled account) so that it never outlives the sign-in that opened it.
 * Writes run on their own threads: a slow client never holds up the listener or the
 * scheduler.
 */
@Component
class NotificationStreams {

	private static final Logger log = LoggerFactory.getLogger(NotificationStreams.class);

	/** How long a browser waits before reconnecting after the stream ends. */
	private static final long RECONNECT_MILLIS = 5_000;

	private final Subscribers subscribers;

	private final JdbcTemplate jdbc;

	private final Duration timeout;

	private final SimpleAsyncTaskExecutor writers;

	NotificationStreams(JdbcTemplate jdbc, @Value("${govgrid.messaging.stream-timeout:30m}") Duration timeout,
			@Value("${govgrid.messaging.streams-per-user:5}") int streamsPerUser) {
		this.jdbc = jdbc;
		this.timeout = timeout;
		this.subscribers = new Subscribers(streamsPerUser);
		this.writers = new SimpleAsyncTaskExecutor("govgrid-sse-");
		this.writers.setDaemon(true);
		this.writers.setVirtualThreads(Runtime.version().feature() >= 21);
		this.writers.setConcurrencyLimit(64);
	}

	/**
	 * A new stream for the user; {@code sessionId} is the session that authenticated it
	 * (null when the request had none, and then never checked).
	 */
	SseEmitter open(long userId, String sessionId) {
		SseEmitter emitter = new SseEmitter(this.timeout.toMillis());
		Subscription subscription = new Subscription(userId, sessionId, emitter);
		emitter.onCompletion(() -> this.subscribers.remove(subscription));
		emitter.onError(ex -> this.subscribers.remove(subscription));
		emitter.onTimeout(() -> {
			this.subscribers.remove(subscription);
			emitter.complete();
		});
		this.subscribers.add(subscription).forEach(this::close);
		// sent before the response starts, so the client's open event fires at once
		send(subscription, SseEmitter.event().reconnectTime(RECONNECT_MILLIS).comment("connected"));
		return emitter;
	}

	/** The users with a stream on this node. */
	Set<Long> connectedUsers() {
		return this.subscribers.users();
	}

	/** Pushes each notification to every stream its user has open on this node. */
	void deliver(List<Addressed> notifications) {
		Map<Long, List<NotificationView>> byUser = notifications.stream()
			.collect(Collectors.groupingBy(Addressed::userId,
					Collectors.mapping(Addressed::notification, Collectors.toList())));
		byUser.forEach((user, items) -> {
			for (Subscription subscription : this.subscribers.of(user)) {
				this.writers.execute(() -> {
					for (NotificationView item : items) {
						if (!send(subscription,
								SseEmitter.event().name("notification").data(item, MediaType.APPLICATION_JSON))) {
							return;
						}
					}
				});
			}
		});
	}

	/**
	 * Ends streams whose session is gone, then writes a comment line into the others. A
	 * broken connection shows itself on that write and is dropped.
	 */
	@Scheduled(fixedDelayString = "${govgrid.messaging.heartbeat:25s}",
			initialDelayString = "${govgrid.messaging.heartbeat:25s}")
	void heartbeat() {
		List<Subscription> open = this.subscribers.all();
		if (open.isEmpty()) {
			return;
		}
		Set<String> live = liveSessions(
				open.stream().map(Subscription::sessionId).filter(Objects::nonNull).collect(Collectors.toSet()));
		List<Subscription> alive = open.stream().filter(s -> {
			if (s.sessionId() == null || live.contains(s.sessionId())) {
				return true;
			}
			close(s);
			return false;
		}).toList();
		if (!alive.isEmpty()) {
			this.writers.execute(() -> alive.forEach(s -> send(s, SseEmitter.event().comment("heartbeat"))));
		}
	}

	/** Ends every stream on this node; browsers reconnect (to this node or another). */
	void closeAll() {
		this.subscribers.clear().forEach(this::close);
	}

	/**
	 * The sessions among {@code ids} that still exist and have not expired. Spring
	 * Session keeps them in {@code spring_session} (platform migration V1); one query per
	 * heartbeat for all streams of the node.
	 */
	private Set<String> liveSessions(Collection<String> ids) {
		if (ids.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(this.jdbc.queryForList(
				"select session_id from spring_session where session_id = any(cast(? as char(36)[])) and expiry_time > ?",
				String.class, ids.toArray(String[]::new), System.currentTimeMillis()));
	}

	/** False when the stream is gone (closed by the client, timed out, completed). */
	private boolean send(Subscription subscription, SseEventBuilder event) {
		try {
			subscription.emitter().send(event);
			return true;
		}
		catch (IOException | IllegalStateException ex) {
			// the container reports the broken connection and completes the emitter
			// itself
			this.subscribers.remove(subscription);
			log.debug("Notification stream of user {} is gone: {}", subscription.userId(), ex.getMessage());
			return false;
		}
	}

	private void close(Subscription subscription) {
		this.subscribers.remove(subscription);
		try {
			subscription.emitter().complete();
		}
		catch (IllegalStateException ex) {
			// already completed
		}
	}

}
