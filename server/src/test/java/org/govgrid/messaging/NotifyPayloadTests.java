package org.govgrid.messaging;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NotifyPayloadTests {

	@Test
	void idsRoundTrip() {
		List<String> payloads = NotifyPayload.encode(List.of(1L, 22L, 333L));
		assertThat(payloads).containsExactly("{\"ids\":[1,22,333]}");
		assertThat(NotifyPayload.decode(payloads.get(0))).containsExactly(1L, 22L, 333L);
	}

	@Test
	void aLargeFanOutIsSplitBelowPostgresLimit() {
		List<Long> ids = LongStream.rangeClosed(Long.MAX_VALUE - 1_000, Long.MAX_VALUE).boxed().toList();
		List<String> payloads = NotifyPayload.encode(ids);
		assertThat(payloads).hasSize(5);
		assertThat(payloads).allSatisfy(p -> assertThat(p.getBytes(StandardCharsets.UTF_8).length).isLessThan(8000));
		assertThat(payloads.stream().flatMap(p -> NotifyPayload.decode(p).stream()).toList()).isEqualTo(ids);
	}

	@Test
	void nothingToSendIsNoNotify() {
		assertThat(NotifyPayload.encode(List.of())).isEmpty();
	}

	@Test
	void anythingElseOnTheChannelIsIgnored() {
		assertThat(NotifyPayload.decode(null)).isEmpty();
		assertThat(NotifyPayload.decode("")).isEmpty();
		assertThat(NotifyPayload.decode("{\"ids\":[]}")).isEmpty();
		assertThat(NotifyPayload.decode("{\"ids\":[1,,2]}")).isEmpty();
		assertThat(NotifyPayload.decode("{\"ids\":[99999999999999999999]}")).isEmpty();
		assertThat(NotifyPayload.decode("hello")).isEmpty();
	}

}
