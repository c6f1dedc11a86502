package org.govgrid.notice.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A notice's status with its guarded steps: {@code DRAFT → PUBLISHED → WITHDRAWN}. Only a
 * draft may be edited or published, only a published notice withdrawn; anything else
 * throws {@link IllegalNoticeTransition} and changes nothing.
 */
public final class NoticeLifecycle {

	private NoticeStatus status;

	private Instant publishedAt;

	private Instant withdrawnAt;

	private NoticeLifecycle(NoticeStatus status, Instant publishedAt, Instant withdrawnAt) {
		this.status = Objects.requireNonNull(status, "status");
		this.publishedAt = publishedAt;
		this.withdrawnAt = withdrawnAt;
	}

	public static NoticeLifecycle draft() {
		return new NoticeLifecycle(NoticeStatus.DRAFT, null, null);
	}

	/** A notice as stored. */
	public static NoticeLifecycle of(NoticeStatus status, Instant publishedAt, Instant withdrawnAt) {
		return new NoticeLifecycle(status, publishedAt, withdrawnAt);
	}

	/** Checks that the title, body and targets may still change. */
	public void edit() {
		require(NoticeStatus.DRAFT, "edit", "edited");
	}

	public void publish(Instant now) {
		require(NoticeStatus.DRAFT, "publish", "published");
		this.status = NoticeStatus.PUBLISHED;
		this.publishedAt = Objects.requireNonNull(now, "now");
	}

	public void withdraw(Instant now) {
		require(NoticeStatus.PUBLISHED, "withdraw", "withdrawn");
		this.status = NoticeStatus.WITHDRAWN;
		this.withdrawnAt = Objects.requireNonNull(now, "now");
	}

	/** Only a published notice is in its recipients' inboxes and may be read. */
	public boolean isReadable() {
		return this.status == NoticeStatus.PUBLISHED;
	}

	public NoticeStatus status() {
		return this.status;
	}

	public Instant publishedAt() {
		return this.publishedAt;
	}

	public Instant withdrawnAt() {
		return this.withdrawnAt;
	}

	private void require(NoticeStatus expected, String action, String done) {
		if (this.status != expected) {
			throw new IllegalNoticeTransition(action, done, this.status);
		}
	}

}
