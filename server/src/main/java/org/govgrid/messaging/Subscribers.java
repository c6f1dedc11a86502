package org.govgrid.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The notification streams open on this node, by user. A user may have a few (tabs, phone
 * and desk); beyond {@link #perUser} the oldest is handed back to be closed, so that a
 * reloading page cannot pile up connections. Lists are replaced, never changed in place,
 * so readers need no lock.
 */
final class Subscribers {

	/** One open stream: whose, from which session, and where to write. */
	record Subscription(long userId, String sessionId, SseEmitter emitter) {

		/** Identity, not value: two streams of one session are different streams. */
		@Override
		public boolean equals(Object other) {
			return this == other;
		}

		@Override
		public int hashCode() {
			return System.identityHashCode(this);
		}

	}

	private final Map<Long, List<Subscription>> byUser = new ConcurrentHashMap<>();

	private final int perUser;

	Subscribers(int perUser) {
		if (perUser < 1) {
			throw new IllegalArgumentException("perUser must be at least 1");
		}
		this.perUser = perUser;
	}

	/** Adds a stream; returns the user's oldest streams that no longer fit. */
	List<Subscription> add(Subscription subscription) {
		List<Subscription> evicted = new ArrayList<>();
		this.byUser.compute(subscription.userId(), (user, current) -> {
			List<Subscription> next = new ArrayList<>(current == null ? List.of() : current);
			next.add(subscription);
			while (next.size() > this.perUser) {
				evicted.add(next.remove(0));
			}
			return List.copyOf(next);
		});
		return evicted;
	}

	/** Removes a stream; false when it was already gone. */
	boolean remove(Subscription subscription) {
		boolean[] removed = { false };
		this.byUser.computeIfPresent(subscription.userId(), (user, current) -> {
			List<Subscription> next = new ArrayList<>(current);
			removed[0] = next.remove(subscription);
			return next.isEmpty() ? null : List.copyOf(next);
		});
		return removed[0];
	}

	List<Subscription> of(long userId) {
		return this.byUser.getOrDefault(userId, List.of());
	}

	/** The users with at least one open stream. */
	Set<Long> users() {
		return Set.copyOf(this.byUser.keySet());
	}

	List<Subscription> all() {
		return this.byUser.values().stream().flatMap(List::stream).toList();
	}

	/** Removes every stream and returns them, for closing. */
	List<Subscription> clear() {
		List<Subscription> all = new ArrayList<>();
		for (Long user : Set.copyOf(this.byUser.keySet())) {
			List<Subscription> removed = this.byUser.remove(user);
			if (removed != null) {
				all.addAll(removed);
			}
		}
		return all;
	}

	int size() {
		return this.byUser.values().stream().mapToInt(List::size).sum();
	}

}
