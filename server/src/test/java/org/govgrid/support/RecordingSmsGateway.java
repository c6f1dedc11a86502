package org.govgrid.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.govgrid.messaging.SmsGateway;
import org.govgrid.messaging.SmsMessage;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Keeps the text messages the platform sends, in place of a carrier. */
public class RecordingSmsGateway implements SmsGateway {

	private final List<SmsMessage> sent = new CopyOnWriteArrayList<>();

	@Override
	public void send(SmsMessage message) {
		this.sent.add(message);
	}

	public List<SmsMessage> sent() {
		return List.copyOf(this.sent);
	}

	/** Replaces the logging gateway in integration tests. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		@Bean
		RecordingSmsGateway recordingSmsGateway() {
			return new RecordingSmsGateway();
		}

	}

}
