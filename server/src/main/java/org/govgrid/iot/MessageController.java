package org.govgrid.iot;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.govgrid.platform.ApiProblems;
import org.govgrid.platform.CurrentUser;
import org.govgrid.platform.RequestSignature;
import org.govgrid.platform.ScopedPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * A device's message over HTTP. Either the device signs it ({@link RequestSignature} with
 * the deployment's device secret; no session, no CSRF token) or a signed-in user holding
 * {@code iot:device:write} posts it for a device of their area.
 */
@RestController
class MessageController {

	private final Messages messages;

	private final IotProperties properties;

	private final Clock clock;

	MessageController(Messages messages, IotProperties properties, Clock clock) {
		this.messages = messages;
		this.properties = properties;
		this.clock = clock;
	}

	/** 201 for a new message, 200 for a redelivered one (nothing changed). */
	@PostMapping(path = "/api/v1/iot/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasAuthority('iot:device:write') or #signature != null")
	ResponseEntity<Map<String, Object>> receive(
			@RequestHeader(name = RequestSignature.HEADER, required = false) String signature,
			@RequestBody(required = false) byte[] body) {
		byte[] raw = body == null ? new byte[0] : body;
		ScopedPrincipal user = null;
		if (signature != null) {
			if (!this.properties.signaturesEnabled() || !RequestSignature.verify(signature, raw,
					this.properties.deviceSecret(), this.clock.instant(), this.properties.signatureTolerance())) {
				throw new BadSignatureException();
			}
		}
		else {
			user = CurrentUser.require();
		}
		Messages.Outcome outcome = this.messages.receive(raw, Messages.Channel.HTTP, null, user);
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("deviceId", outcome.deviceId());
		answer.put("state", outcome.state());
		answer.put("duplicate", outcome.duplicate());
		answer.put("eventId", outcome.eventId());
		answer.put("eventCreated", outcome.eventCreated());
		return ResponseEntity.status(outcome.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(answer);
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
			super("bad device signature", null, false, false);
		}

	}

}
