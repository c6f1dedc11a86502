package org.govgrid.messaging;

/**
 * Sends a text message. The default only logs that a message would have gone out; a
 * deployment provides its carrier's gateway as a bean of this type, which then replaces
 * the default. Implementations must never log the phone number (project rule: no ID
 * numbers or phones in logs).
 */
public interface SmsGateway {

	void send(SmsMessage message);

}
