package org.govgrid.messaging;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class NoticeTests {

	@Test
	void linksStayOnTheConsole() {
		assertThat(new Notice(Notice.EVENT_ASSIGNED, "t", null, "/events/12?tab=flow", "EVENT", 12L).link())
			.isEqualTo("/events/12?tab=flow");
		for (String link : new String[] { "https://evil.example/x", "//evil.example/x", "/\\evil.example",
				"javascript:alert(1)", "events/12", "/events/1 2", "/" + "a".repeat(300), "/a\u0000" }) {
			assertThatIllegalArgumentException().as(link)
				.isThrownBy(() -> new Notice(Notice.EVENT_ASSIGNED, "t", null, link, null, null));
		}
	}

	@Test
	void kindAndSubjectTypeAreCodes() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Notice("event assigned", "t", null, null, null, null));
		assertThatIllegalArgumentException().isThrownBy(() -> new Notice(null, "t", null, null, null, null));
		assertThatIllegalArgumentException().isThrownBy(() -> new Notice("K".repeat(33), "t", null, null, null, null));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Notice(Notice.TASK_ASSIGNED, "t", null, null, "event-case", 1L));
		assertThat(new Notice(Notice.TASK_ASSIGNED, "t", null, null, "DispatchTask", 1L).subjectType())
			.isEqualTo("DispatchTask");
	}

	@Test
	void aTitleIsRequiredAndTextIsTrimmed() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Notice(Notice.EVENT_ASSIGNED, "  ", null, null, null, null));
		Notice notice = new Notice(Notice.EVENT_ASSIGNED, "  标题 ", "   ", null, null, null);
		assertThat(notice.title()).isEqualTo("标题");
		assertThat(notice.body()).isNull();
	}

	@Test
	void longTextIsClippedByCodePointsWithAnEllipsis() {
		String title = "超".repeat(250);
		assertThat(new Notice(Notice.EVENT_ASSIGNED, title, null, null, null, null).title()).hasSize(200)
			.startsWith("超超")
			.endsWith("…");
		// 😀 is two UTF-16 units but one character for PostgreSQL, and is never cut in
		// half
		String emoji = "😀".repeat(1001);
		String body = new Notice(Notice.EVENT_ASSIGNED, "t", emoji, null, null, null).body();
		assertThat(body.codePointCount(0, body.length())).isEqualTo(1000);
		assertThat(body).endsWith("😀…");
		assertThat(Notice.clip("短", 200)).isEqualTo("短");
	}

}
