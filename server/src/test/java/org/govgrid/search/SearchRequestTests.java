package org.govgrid.search;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import org.govgrid.platform.InvalidInputException;
import org.govgrid.support.TestIds;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearchRequestTests {

	@Test
	void typesComeAsATextOrAListAndDefaultToAll() {
		assertThat(SearchRequest.of("晓明", "people, events", null).types()).containsExactly(SearchType.PEOPLE,
				SearchType.EVENTS);
		assertThat(SearchRequest.of("晓明", List.of("events", "people"), 5).types()).containsExactly(SearchType.PEOPLE,
				SearchType.EVENTS);
		assertThat(SearchRequest.of(" 晓明 ", null, null).types()).isEqualTo(EnumSet.allOf(SearchType.class));
		assertThat(SearchRequest.of(" 晓明 ", "", null).q()).isEqualTo("晓明");
		assertThat(SearchRequest.of("晓明", null, null).size()).isEqualTo(SearchRequest.DEFAULT_SIZE);
	}

	@Test
	void everyBadFieldIsNamed() {
		assertThatThrownBy(() -> SearchRequest.of(" ", List.of("people", "cars"), 51)).isInstanceOfSatisfying(
				InvalidInputException.class,
				ex -> assertThat(ex.errors()).extracting(InvalidInputException.FieldProblem::field)
					.containsExactly("q", "types", "size"));
		assertThatThrownBy(() -> SearchRequest.of("路".repeat(101), null, 0)).isInstanceOfSatisfying(
				InvalidInputException.class,
				ex -> assertThat(ex.errors()).extracting(InvalidInputException.FieldProblem::field)
					.containsExactly("q", "size"));
	}

	@Test
	void onlyAValidIdNumberOrAPhoneIsLookedUpExactly() {
		String idNumber = TestIds.idNumber(LocalDate.of(1990, 1, 31), "2");
		assertThat(SearchRequest.of(idNumber.toLowerCase(), null, null).isIdNumber()).isTrue();
		String wrongCheck = idNumber.substring(0, 17) + (idNumber.charAt(17) == '1' ? '2' : '1');
		assertThat(SearchRequest.of(wrongCheck, null, null).isIdNumber()).isFalse();
		assertThat(SearchRequest.of("913205051234567890", null, null).isIdNumber()).as("a credit code").isFalse();
		assertThat(SearchRequest.of("13812345678", null, null).isPhone()).isTrue();
		assertThat(SearchRequest.of("0512-68661234", null, null).isPhone()).isTrue();
		assertThat(SearchRequest.of("金山路88号", null, null).isPhone()).isFalse();
		assertThat(SearchRequest.of("张晓明  金山路", null, null).terms()).containsExactly("张晓明", "金山路");
	}

	@Test
	void aDocumentIsInTheScopeOfEveryAncestorOfItsPath() {
		assertThat(ScopedDocument.ancestors("320500/320505/320505006")).containsExactly("320500", "320500/320505",
				"320500/320505/320505006");
		assertThat(ScopedDocument.ancestors("320500")).containsExactly("320500");
		assertThat(ScopedDocument.ancestors("")).isEmpty();
	}

}
