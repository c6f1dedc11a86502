package org.govgrid.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DataScopeTests {

	private final DataScope town = new DataScope(3, "320500/320505/320505006");

	@Test
	void coversItselfAndDescendantsOnly() {
		assertThat(this.town.covers("320500/320505/320505006")).isTrue();
		assertThat(this.town.covers("320500/320505/320505006/320505006001")).isTrue();
		assertThat(this.town.covers("320500/320505/320505007")).isFalse();
		assertThat(this.town.covers("320500/320505/3205050061")).isFalse();
		assertThat(this.town.covers("320500/320505")).isFalse();
		assertThat(this.town.covers(null)).isFalse();
	}

	@Test
	void knowsItsAncestors() {
		assertThat(this.town.isUnder("320500/320505")).isTrue();
		assertThat(this.town.isUnder("320500/320505/320505006")).isTrue();
		assertThat(this.town.isUnder("320500/320505/320505006/320505006001")).isFalse();
	}

	@Test
	void systemScopeCoversEverything() {
		assertThat(DataScope.SYSTEM.covers("320500")).isTrue();
		assertThat(DataScope.SYSTEM.descendantsPattern()).isEqualTo("%");
	}

}
