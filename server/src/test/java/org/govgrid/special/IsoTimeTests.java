package org.govgrid.special;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IsoTimeTests {

	@ParameterizedTest
	@ValueSource(strings = { "2026-12-07T08:00:00+08:00", "2026-12-07T00:00:00Z", "2024-02-29T23:59:59.5Z",
			"2026-06-15T14:00:00.123456789-05:30", "2026-06-15T14:00:00.1+18:00", "2026-06-15T14:00Z",
			"2026-06-15t14:00:00z", "2026-12-07T08:00:00.Z", "+12026-06-15T14:00:00Z", "2026-06-15T14:00:00-00:00" })
	void readsWhatTheGeneralParserReads(String text) {
		assertThat(IsoTime.parse(text)).isEqualTo(OffsetDateTime.parse(text).toInstant());
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-02-30T08:00:00Z", "2026-13-01T08:00:00Z", "2026-12-07T24:00:00Z",
			"2026-12-07T08:60:00Z", "2026-12-07T08:00:00", "2026-12-07T08:00:00+18:30", "2026-06-15T14:00:00+0800",
			"2026-12-07T08:00:00.1234567891Z", "2026-12-07 08:00:00Z", "yesterday", "2026-12-07T08:00:00+08:00x" })
	void refusesWhatTheGeneralParserRefuses(String text) {
		assertThatThrownBy(() -> OffsetDateTime.parse(text)).isInstanceOf(DateTimeParseException.class);
		assertThatThrownBy(() -> IsoTime.parse(text)).isInstanceOf(DateTimeParseException.class);
	}

	@Test
	void agreesWithTheGeneralParserOnRandomTimes() {
		Random random = new Random(20261207);
		for (int i = 0; i < 20_000; i++) {
			Instant instant = Instant.ofEpochSecond(random.nextLong(-2_000_000_000L, 4_000_000_000L),
					random.nextBoolean() ? 0 : random.nextInt(1_000_000_000));
			int offsetMinutes = random.nextInt(-18 * 60, 18 * 60 + 1);
			String text = instant.atOffset(java.time.ZoneOffset.ofTotalSeconds(offsetMinutes * 60)).toString();
			assertThat(IsoTime.parse(text)).as(text).isEqualTo(OffsetDateTime.parse(text).toInstant());
		}
	}

}
