package org.govgrid.video;

import org.govgrid.platform.RequestSignature;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import org.govgrid.platform.FieldErrors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** GB/T 28181 ids, stream URLs and webhook signatures, case by case. */
class VideoInputTests {

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource({ "32050500001320000001, ok", "32050500001310000001, ok", "3205050000132000000, 19 digits",
			"3205050000132000000A, a letter", "32050500001330000001, type 133 (a display)",
			"99050500001320000001, province 99", "32050500001329000001, network 9" })
	void deviceIds(String id, String why) {
		FieldErrors errors = new FieldErrors();
		DeviceIds.check(id, "deviceId", errors);
		assertThat(errors.isEmpty()).as(why).isEqualTo(why.equals("ok"));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "https://v.example.gov.cn/live/a.m3u8, HLS", "http://v.example.gov.cn:8080/a.FLV?token=1, FLV",
			"rtsp://v.example.gov.cn/a.m3u8, ", "https://v.example.gov.cn/a.mp4, ",
			"https://u:p@v.example.gov.cn/a.flv, ", "not a url, " })
	void streamUrls(String url, String kind) {
		FieldErrors errors = new FieldErrors();
		StreamUrls.Kind found = StreamUrls.check(url, "streamUrl", errors);
		if (kind == null) {
			assertThat(found).isNull();
			assertThat(errors.list()).extracting(e -> e.field()).containsExactly("streamUrl");
		}
		else {
			assertThat(found).isEqualTo(StreamUrls.Kind.valueOf(kind));
			assertThat(errors.isEmpty()).isTrue();
		}
	}

	@Test
	void signaturesBindTheBodyTheSecretAndTheTime() {
		byte[] body = "{\"alarmId\":\"A1\"}".getBytes(StandardCharsets.UTF_8);
		Instant now = Instant.parse("2026-12-06T10:00:00Z");
		long t = now.getEpochSecond();
		String good = HexFormat.of().formatHex(RequestSignature.sign("s3cret", t, body));
		String other = HexFormat.of().formatHex(RequestSignature.sign("other", t, body));
		Duration tolerance = Duration.ofMinutes(5);
		assertThat(RequestSignature.verify("t=" + t + ",v1=" + good, body, "s3cret", now, tolerance)).isTrue();
		// a rotated secret: either entry may match
		assertThat(RequestSignature.verify("t=" + t + ",v1=" + other + ",v1=" + good, body, "s3cret", now, tolerance))
			.isTrue();
		assertThat(RequestSignature.verify("t=" + t + ",v1=" + other, body, "s3cret", now, tolerance)).isFalse();
		assertThat(RequestSignature.verify("t=" + t + ",v1=" + good, "{}".getBytes(StandardCharsets.UTF_8), "s3cret",
				now, tolerance))
			.isFalse();
		assertThat(RequestSignature.verify("t=" + t + ",v1=" + good, body, "s3cret", now.plusSeconds(301), tolerance))
			.isFalse();
		assertThat(RequestSignature.verify("t=" + t + ",v1=" + good, body, "s3cret", now.minusSeconds(301), tolerance))
			.isFalse();
		assertThat(RequestSignature.verify("v1=" + good, body, "s3cret", now, tolerance)).isFalse();
		assertThat(RequestSignature.verify("t=x,v1=" + good, body, "s3cret", now, tolerance)).isFalse();
		assertThat(RequestSignature.verify(null, body, "s3cret", now, tolerance)).isFalse();
		assertThat(RequestSignature.verify("t=" + t + ",v1=" + good, body, "", now, tolerance)).isFalse();
	}

}
