package org.govgrid.video;

import java.time.Clock;
import java.util.Map;

import org.govgrid.platform.ApiProblems;
import org.govgrid.platform.NotFoundException;
import org.govgrid.platform.RequestSignature;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The video-AI platform's webhook. No session: the request is authenticated by its
 * signature over the raw body (see {@link RequestSignature}); without a configured secret
 * the endpoint does not exist (404).
 */
@RestController
class AiAlarmController {

	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final AiAlarms alarms;

	private final VideoProperties properties;

	private final Clock clock;

	AiAlarmController(AiAlarms alarms, VideoProperties properties, Clock clock) {
		this.alarms = alarms;
		this.properties = properties;
		this.clock = clock;
	}

	/** 201 with the event for a new alarm, 200 with the same event for a redelivery. */
	@PostMapping(path = "/api/v1/video/ai-events", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> receive(
			@RequestHeader(name = RequestSignature.HEADER, required = false) String signature,
			@RequestBody(required = false) byte[] body) {
		if (!this.properties.webhookEnabled()) {
			throw new NotFoundException("video-AI webhook (no secret configured)", "ai-events");
		}
		byte[] raw = body == null ? new byte[0] : body;
		if (!RequestSignature.verify(signature, raw, this.properties.webhookSecret(), this.clock.instant(),
				this.properties.signatureTolerance())) {
			throw new BadSignatureException();
		}
		AiAlarm alarm;
		try {
			alarm = JSON.readValue(raw, AiAlarm.class);
		}
		catch (JacksonException ex) {
			throw new org.govgrid.platform.InvalidInputException("body", "a JSON alarm object / 请求体须为告警 JSON 对象");
		}
		AiAlarms.Outcome outcome = this.alarms.receive(alarm);
		return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.body(Map.of("eventId", outcome.eventId(), "created", outcome.created()));
	}

	@ExceptionHandler(BadSignatureException.class)
	ResponseEntity<ProblemDetail> badSignature() {
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ApiProblems.problem(HttpStatus.UNAUTHORIZED, ApiProblems.UNAUTHENTICATED, "未认证 / Unauthenticated",
					"missing, wrong or stale " + RequestSignature.HEADER + " / 签名缺失、错误或已过期"));
	}

	static final class BadSignatureException extends RuntimeException {

		BadSignatureException() {
			super("bad webhook signature", null, false, false);
		}

	}

}
