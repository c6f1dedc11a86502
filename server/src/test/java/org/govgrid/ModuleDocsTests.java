package org.govgrid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README and the architecture page name every module that {@link ModularityTests}
 * finds, and no other, so that the docs cannot drift from the code.
 */
class ModuleDocsTests {

	private static final Path ROOT = Path.of("..");

	private final Set<String> modules = ApplicationModules.of(GovGridApplication.class)
		.stream()
		.map(module -> module.getIdentifier().toString())
		.collect(Collectors.toCollection(TreeSet::new));

	@Test
	void theArchitecturePageDescribesEveryModule() throws IOException {
		Matcher rows = Pattern.compile("(?m)^\\| `([a-z]+)`")
			.matcher(Files.readString(ROOT.resolve("docs/architecture.md")));
		Set<String> described = new TreeSet<>();
		while (rows.find()) {
			described.add(rows.group(1));
		}
		assertThat(described).isEqualTo(this.modules);
	}

	@Test
	void theReadmeListsEveryModule() throws IOException {
		Matcher line = Pattern.compile("Spring Modulith modules[^:]*: ([a-z, ]+)\\)")
			.matcher(Files.readString(ROOT.resolve("README.md")));
		assertThat(line.find()).as("the README's layout line naming the modules").isTrue();
		assertThat(new TreeSet<>(Arrays.asList(line.group(1).split(",\\s*")))).isEqualTo(this.modules);
	}

}
