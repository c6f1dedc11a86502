package org.govgrid.messaging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Project rule: a phone number never reaches a log. */
@ExtendWith(OutputCaptureExtension.class)
class SmsGatewayTests {

	private static final SmsMessage MESSAGE = new SmsMessage(42, "13812345678", "您有一条新的事件待处置");

	@Test
	void theDefaultGatewayLogsTheRecipientAndLengthOnly(CapturedOutput output) {
		new LoggingSmsGateway().send(MESSAGE);
		assertThat(output.getAll()).contains("recipient user 42").contains("11 characters");
		assertThat(output.getAll()).doesNotContain("13812345678").doesNotContain("5678").doesNotContain("待处置");
	}

	@Test
	void aMessagePrintedByAccidentShowsNeitherPhoneNorText() {
		assertThat(MESSAGE.toString()).contains("42").doesNotContain("5678").doesNotContain("待处置");
	}

}
