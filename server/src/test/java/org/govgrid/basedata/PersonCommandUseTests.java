package org.govgrid.basedata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * People are built by name: {@code PersonCommand.builder()} and
 * {@code PersonDetails.of(Map)}, never their positional constructors (many string
 * components side by side, where a swapped pair would compile). The catalogue items are
 * one list, {@link PersonDetails#FIELDS}, in the record's order.
 */
class PersonCommandUseTests {

	@Test
	void nobodyCallsThePositionalConstructors() throws IOException {
		assertThat(positionalCalls(Path.of("src/main/java"))).isEmpty();
		assertThat(positionalCalls(Path.of("src/test/java"))).isEmpty();
	}

	@Test
	void everyCatalogueItemIsOneFieldInTheRecordsOrder() {
		assertThat(PersonDetails.FIELDS.stream().map(PersonField::property)).containsExactlyElementsOf(
				Stream.of(PersonDetails.class.getRecordComponents()).map(c -> c.getName()).toList());
		assertThat(PersonDetails.COLUMNS).startsWith("former_name, native_place,");
		assertThat(PersonDetails.ASSIGNMENTS).contains("household_head_relation = :householdHeadRelation");
	}

	@Test
	void detailsAreBuiltAndReadByName() {
		PersonDetails details = PersonDetails.of(java.util.Map.of("religion", "10", "occupation", "教师"));
		assertThat(details.religion()).isEqualTo("10");
		assertThat(details.value(PersonDetails.FIELDS.get(5))).isEqualTo("教师");
		assertThat(details.formerName()).isNull();
	}

	@Test
	void theBuilderKeepsEveryField() {
		PersonCommand command = PersonCommand.builder()
			.name("张三")
			.sex("1")
			.currentAddress("幸福路1号")
			.location(120.5, 31.3)
			.version(3)
			.build();
		assertThat(command.toBuilder().build()).isEqualTo(command);
		assertThat(command.withVersion(4).version()).isEqualTo(4);
		assertThat(command.lat()).isEqualTo(31.3);
	}

	private static List<String> positionalCalls(Path root) throws IOException {
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter(f -> f.toString().endsWith(".java"))
				.filter(f -> !f.endsWith("PersonCommand.java") && !f.endsWith("PersonDetails.java")
						&& !f.endsWith("PersonCommandUseTests.java"))
				.filter(f -> {
					try {
						String source = Files.readString(f);
						return source.contains("new PersonCommand(") || source.contains("new PersonDetails(");
					}
					catch (IOException ex) {
						throw new IllegalStateException(ex);
					}
				})
				.map(Path::toString)
				.toList();
		}
	}

}
