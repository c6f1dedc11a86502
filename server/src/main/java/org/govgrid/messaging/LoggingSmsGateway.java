package org.govgrid.messaging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Fallback;
import org.springframework.stereotype.Component;

/**
 * The gateway when no real one is configured: records that a message would have been
 * sent, to whom (the user id) and how long it was. Never the phone number, never the
 * text.
 */
@Component
@Fallback
class LoggingSmsGateway implements SmsGateway {

	private static final Logger log = LoggerFactory.getLogger(LoggingSmsGateway.class);

	@Override
	public void send(SmsMessage message) {
		log.info("SMS not sent (no gateway configured): recipient user {}, {} characters", message.recipientUserId(),
				message.text().length());
	}

}
