package org.govgrid.exchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue document is the catalogue definition: its field tables are exactly what
 * {@link CatalogueDoc} writes from {@link JiangsuCatalogue}. Run with
 * {@code -Dcatalogue.write=true} to rewrite them after changing the definition.
 */
class JiangsuCatalogueTests {

	private static final Path DOC = Path.of("..", "docs", "catalogue", "jiangsu-resource-catalogue.md");

	@Test
	void theDocumentsFieldTablesAreGeneratedFromTheDefinition() throws IOException {
		String doc = Files.readString(DOC, StandardCharsets.UTF_8);
		int begin = doc.indexOf(CatalogueDoc.BEGIN);
		int end = doc.indexOf(CatalogueDoc.END);
		assertThat(begin).as("the generated part's markers").isNotNegative();
		assertThat(end).isGreaterThan(begin);
		String written = doc.substring(begin, end + CatalogueDoc.END.length());
		if (Boolean.getBoolean("catalogue.write") && !written.equals(CatalogueDoc.generated())) {
			doc = doc.substring(0, begin) + CatalogueDoc.generated() + doc.substring(end + CatalogueDoc.END.length());
			Files.writeString(DOC, doc, StandardCharsets.UTF_8);
			written = CatalogueDoc.generated();
		}
		assertThat(written).as("regenerate with -Dcatalogue.write=true").isEqualTo(CatalogueDoc.generated());
	}

	@Test
	void everyTableHasUniqueHeadersAndAUniqueCode() {
		Set<String> codes = new HashSet<>();
		for (CatalogueTable<?> table : JiangsuCatalogue.TABLES) {
			assertThat(codes.add(table.code())).as(table.code()).isTrue();
			assertThat(table.headers()).as(table.title()).doesNotHaveDuplicates();
			assertThat(table.columns()).as(table.title() + " keeps something").anyMatch(CatalogueColumn::isHeld);
		}
		assertThat(JiangsuCatalogue.find("people")).isPresent();
		assertThat(JiangsuCatalogue.find("cars")).isEmpty();
	}

}
