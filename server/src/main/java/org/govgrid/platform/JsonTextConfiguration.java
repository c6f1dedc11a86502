package org.govgrid.platform;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Applies {@link TextRules} to every JSON string the API reads (bean fields, lists,
 * untyped maps), once, in deserialisation: a bad value is a 400 naming its field
 * (ProblemResponses), before any service sees it.
 */
@Configuration(proxyBeanMethods = false)
class JsonTextConfiguration {

	/** Spring Boot registers every JacksonModule bean on the application's JsonMapper. */
	@Bean
	JacksonModule strictTextModule() {
		return new SimpleModule("govgrid-strict-text").addDeserializer(String.class, new StrictStringDeserializer());
	}

	static final class StrictStringDeserializer extends StringDeserializer {

		@Override
		public String deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
			String value = super.deserialize(p, ctxt);
			if (value != null && !TextRules.acceptable(value)) {
				throw new InvalidTextException(p);
			}
			return value;
		}

	}

	/** Recognised by the problem handler; Jackson adds the field path on its way out. */
	static final class InvalidTextException extends MismatchedInputException {

		InvalidTextException(JsonParser p) {
			super(p, TextRules.MESSAGE, String.class);
		}

	}

}
