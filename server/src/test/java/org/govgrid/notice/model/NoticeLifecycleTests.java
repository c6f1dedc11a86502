package org.govgrid.notice.model;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NoticeLifecycleTests {

	private static final Instant PUBLISHED = Instant.parse("2026-12-01T02:00:00Z");

	private static final Instant WITHDRAWN = Instant.parse("2026-12-02T02:00:00Z");

	@Test
	void aDraftMayBeEditedAndIsNotReadable() {
		NoticeLifecycle draft = NoticeLifecycle.draft();
		draft.edit();
		assertThat(draft.status()).isEqualTo(NoticeStatus.DRAFT);
		assertThat(draft.isReadable()).isFalse();
		assertThat(draft.publishedAt()).isNull();
	}

	@Test
	void aDraftIsPublishedThenWithdrawn() {
		NoticeLifecycle notice = NoticeLifecycle.draft();
		notice.publish(PUBLISHED);
		assertThat(notice.status()).isEqualTo(NoticeStatus.PUBLISHED);
		assertThat(notice.publishedAt()).isEqualTo(PUBLISHED);
		assertThat(notice.isReadable()).isTrue();
		notice.withdraw(WITHDRAWN);
		assertThat(notice.status()).isEqualTo(NoticeStatus.WITHDRAWN);
		assertThat(notice.withdrawnAt()).isEqualTo(WITHDRAWN);
		assertThat(notice.publishedAt()).isEqualTo(PUBLISHED);
		assertThat(notice.isReadable()).isFalse();
	}

	@Test
	void aDraftCannotBeWithdrawn() {
		NoticeLifecycle draft = NoticeLifecycle.draft();
		assertThatThrownBy(() -> draft.withdraw(WITHDRAWN)).isInstanceOf(IllegalNoticeTransition.class)
			.hasMessageContaining("DRAFT");
		assertThat(draft.status()).isEqualTo(NoticeStatus.DRAFT);
		assertThat(draft.withdrawnAt()).isNull();
	}

	@Test
	void aPublishedNoticeCannotBeEditedOrPublishedAgain() {
		NoticeLifecycle notice = NoticeLifecycle.of(NoticeStatus.PUBLISHED, PUBLISHED, null);
		assertThatThrownBy(notice::edit).isInstanceOf(IllegalNoticeTransition.class);
		assertThatThrownBy(() -> notice.publish(WITHDRAWN)).isInstanceOf(IllegalNoticeTransition.class);
		assertThat(notice.publishedAt()).isEqualTo(PUBLISHED);
		assertThat(notice.status()).isEqualTo(NoticeStatus.PUBLISHED);
	}

	@Test
	void aWithdrawnNoticeAllowsNothing() {
		NoticeLifecycle notice = NoticeLifecycle.of(NoticeStatus.WITHDRAWN, PUBLISHED, WITHDRAWN);
		assertThatThrownBy(notice::edit).isInstanceOf(IllegalNoticeTransition.class);
		assertThatThrownBy(() -> notice.publish(PUBLISHED)).isInstanceOf(IllegalNoticeTransition.class);
		assertThatThrownBy(() -> notice.withdraw(PUBLISHED)).isInstanceOf(IllegalNoticeTransition.class);
		assertThat(notice.status()).isEqualTo(NoticeStatus.WITHDRAWN);
		assertThat(notice.withdrawnAt()).isEqualTo(WITHDRAWN);
	}

}
