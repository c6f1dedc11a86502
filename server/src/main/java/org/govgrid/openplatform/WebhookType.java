package org.govgrid.openplatform;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The event types a webhook may subscribe to. Each is fed by one listener in
 * {@link WebhookSources}: a new type is one constant here and one listener there.
 */
enum WebhookType {

	EVENT_REPORTED("event.reported"), EVENT_STATUS_CHANGED("event.status_changed"), EVENT_CLOSED("event.closed"),
	ALERT_RAISED("alert.raised"), RECORD_APPROVED("record.approved"), HOTLINE_REPLIED("hotline.replied");

	private final String code;

	WebhookType(String code) {
		this.code = code;
	}

	String code() {
		return this.code;
	}

	static Optional<WebhookType> of(String code) {
		return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
	}

	static List<String> codes() {
		return Arrays.stream(values()).map(WebhookType::code).toList();
	}

}
