package org.govgrid.platform;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TrustedProxiesTests {

	@Test
	void theListIsMatchedExactly() {
		assertThat(TrustedProxies.pattern(List.of())).isEmpty();
		String pattern = TrustedProxies.pattern(List.of("10.0.0.5", "192.168.1.1"));
		assertThat("10.0.0.5").matches(pattern);
		assertThat("192.168.1.1").matches(pattern);
		assertThat("10.0.0.50").doesNotMatch(pattern);
		assertThat("10a0a0a5").doesNotMatch(pattern);
		assertThat("127.0.0.1").doesNotMatch(pattern);
	}

	@Test
	void textRuleRefusesUnpairedSurrogatesAndControlCharacters() {
		assertThat(TextRules.acceptable("第一行\r\n第二行\t😀")).isTrue();
		assertThat(TextRules.acceptable("\ud800")).isFalse();
		assertThat(TextRules.acceptable("a\udc00b")).isFalse();
		assertThat(TextRules.acceptable("\ud83d")).isFalse();
		assertThat(TextRules.acceptable("x\u0000")).isFalse();
		assertThat(TextRules.acceptable("\u001b[31m")).isFalse();
		assertThat(TextRules.acceptable("\u0085")).isFalse();
	}

}
