package org.govgrid.platform;

import java.util.List;

import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Records bound through the spread creators come out exactly as Jackson's own
 * instantiator makes them, errors included.
 */
class JsonCreatorConfigurationTests {

	private final JsonMapper plain = JsonMapper.builder().build();

	private final JsonMapper spread = JsonMapper.builder()
		.addModule(new JsonCreatorConfiguration().spreadCreatorsOnce())
		.build();

	record Reading(String meterNumber, Double value, Boolean cumulative, int hour, List<String> tags) {
	}

	record Batch(List<Reading> readings) {
	}

	record Checked(String code) {
		Checked {
			if (code == null || code.isBlank()) {
				throw new IllegalArgumentException("code required");
			}
		}
	}

	/** Remembers whether the spread creator built it. */
	record Probe(String code, boolean spread) {
		Probe(String code) {
			this(code, java.util.Arrays.stream(new Throwable().getStackTrace())
				.anyMatch(f -> f.getClassName().endsWith("SpreadInstantiator")));
		}

		@com.fasterxml.jackson.annotation.JsonCreator
		static Probe of(@com.fasterxml.jackson.annotation.JsonProperty("code") String code) {
			return new Probe(code);
		}
	}

	record Pair(String code, Integer count) {
		Pair {
			if ("probe".equals(code)) {
				count = java.util.Arrays.stream(new Throwable().getStackTrace())
					.anyMatch(f -> f.getClassName().endsWith("SpreadInstantiator")) ? 1 : 0;
			}
		}
	}

	@Test
	void theCanonicalConstructorIsCalledThroughTheSpreadHandle() throws Exception {
		assertThat(this.spread.readValue("{\"code\":\"probe\"}", Pair.class).count()).isEqualTo(1);
		assertThat(this.plain.readValue("{\"code\":\"probe\"}", Pair.class).count()).isEqualTo(0);
		// a factory method is left to Jackson
		assertThat(this.spread.readValue("{\"code\":\"x\"}", Probe.class).spread()).isFalse();
	}

	@Test
	void bindsRecordsAsJacksonDoes() throws Exception {
		String json = """
				{"readings":[
				  {"meterNumber":"M1","value":1.5,"cumulative":true,"hour":3,"tags":["a","b"]},
				  {"meterNumber":"M2","hour":2,"unknown":1},
				  {"value":null,"cumulative":false,"hour":7}
				]}""";
		Batch expected = this.plain.readValue(json, Batch.class);
		Batch actual = this.spread.readValue(json, Batch.class);
		assertThat(actual).isEqualTo(expected);
		assertThat(actual.readings().get(0)).isEqualTo(new Reading("M1", 1.5, true, 3, List.of("a", "b")));
		assertThat(actual.readings().get(1)).isEqualTo(new Reading("M2", null, null, 2, null));
		assertThat(actual.readings().get(2).hour()).isEqualTo(7);
	}

	@Test
	void aConstructorThatRefusesFailsAsBefore() {
		Class<? extends Throwable> before = failure(this.plain);
		Class<? extends Throwable> after = failure(this.spread);
		assertThat(after).isEqualTo(before);
		assertThat(DatabindException.class).isAssignableFrom(after);
		assertThatThrownBy(() -> this.spread.readValue("{\"code\":\" \"}", Checked.class))
			.hasMessageContaining("code required");
	}

	@Test
	void aWrongTypeStillNamesItsPath() {
		assertThatThrownBy(() -> this.spread.readValue("{\"readings\":[{\"hour\":\"x\"}]}", Batch.class))
			.isInstanceOf(DatabindException.class)
			.hasMessageContaining("readings")
			.hasMessageContaining("hour");
	}

	private static Class<? extends Throwable> failure(JsonMapper mapper) {
		try {
			mapper.readValue("{\"code\":\"\"}", Checked.class);
			return null;
		}
		catch (Exception ex) {
			return ex.getClass();
		}
	}

}
