package org.govgrid.messaging;

import java.util.Objects;

/**
 * One text message to one user's phone. {@link #toString()} leaves the phone and the text
 * out, so that logging a message by accident leaks neither.
 */
public record SmsMessage(long recipientUserId, String phone, String text) {

	public SmsMessage {
		Objects.requireNonNull(phone, "phone");
		Objects.requireNonNull(text, "text");
		if (phone.isBlank()) {
			throw new IllegalArgumentException("phone must not be blank");
		}
	}

	@Override
	public String toString() {
		return "SmsMessage[recipientUserId=" + this.recipientUserId + ", phone=(hidden), text=" + this.text.length()
				+ " characters]";
	}

}
