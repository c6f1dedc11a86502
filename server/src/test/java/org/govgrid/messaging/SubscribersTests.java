package org.govgrid.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.govgrid.messaging.Subscribers.Subscription;
import org.junit.jupiter.api.Test;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SubscribersTests {

	private final Subscribers subscribers = new Subscribers(2);

	@Test
	void streamsAreHeldPerUser() {
		Subscription a1 = subscribe(1, "s1");
		Subscription a2 = subscribe(1, "s2");
		Subscription b = subscribe(2, "s3");
		assertThat(this.subscribers.of(1)).containsExactly(a1, a2);
		assertThat(this.subscribers.of(2)).containsExactly(b);
		assertThat(this.subscribers.of(3)).isEmpty();
		assertThat(this.subscribers.users()).containsExactlyInAnyOrder(1L, 2L);
		assertThat(this.subscribers.all()).containsExactlyInAnyOrder(a1, a2, b);
		assertThat(this.subscribers.size()).isEqualTo(3);
	}

	@Test
	void twoStreamsOfOneSessionAreDifferentStreams() {
		Subscription first = subscribe(1, "same");
		Subscription second = new Subscription(1, "same", first.emitter());
		assertThat(this.subscribers.add(second)).isEmpty();
		assertThat(this.subscribers.remove(first)).isTrue();
		assertThat(this.subscribers.of(1)).containsExactly(second);
	}

	@Test
	void removingIsIdempotentAndForgetsTheUser() {
		Subscription a = subscribe(1, "s1");
		assertThat(this.subscribers.remove(a)).isTrue();
		assertThat(this.subscribers.remove(a)).isFalse();
		assertThat(this.subscribers.users()).isEmpty();
		assertThat(this.subscribers.size()).isZero();
	}

	@Test
	void theOldestStreamsGiveWayBeyondTheLimit() {
		Subscription oldest = subscribe(1, "s1");
		Subscription middle = subscribe(1, "s2");
		Subscription newest = new Subscription(1, "s3", new SseEmitter());
		assertThat(this.subscribers.add(newest)).containsExactly(oldest);
		assertThat(this.subscribers.of(1)).containsExactly(middle, newest);
	}

	@Test
	void clearHandsBackEveryStream() {
		Subscription a = subscribe(1, "s1");
		Subscription b = subscribe(2, "s2");
		assertThat(this.subscribers.clear()).containsExactlyInAnyOrder(a, b);
		assertThat(this.subscribers.all()).isEmpty();
	}

	@Test
	void concurrentAddsAndRemovesLoseNothing() throws Exception {
		Subscribers many = new Subscribers(1_000);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		CountDownLatch start = new CountDownLatch(1);
		List<Subscription> kept = java.util.Collections.synchronizedList(new ArrayList<>());
		for (int t = 0; t < 8; t++) {
			pool.execute(() -> {
				try {
					start.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
				for (int i = 0; i < 200; i++) {
					Subscription s = new Subscription(i % 3, "s", new SseEmitter());
					many.add(s);
					if (i % 2 == 0) {
						many.remove(s);
					}
					else {
						kept.add(s);
					}
				}
			});
		}
		start.countDown();
		pool.shutdown();
		assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
		assertThat(many.all()).containsExactlyInAnyOrderElementsOf(kept);
		assertThat(many.size()).isEqualTo(8 * 100);
	}

	@Test
	void atLeastOneStreamPerUser() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Subscribers(0));
	}

	private Subscription subscribe(long user, String session) {
		Subscription subscription = new Subscription(user, session, new SseEmitter());
		assertThat(this.subscribers.add(subscription)).isEmpty();
		return subscription;
	}

}
