package org.govgrid.region;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RegionLevelTests {

	@Test
	void codesFollowTheNationalFormats() {
		assertThat(RegionLevel.CITY.isValidCode("320500")).isTrue();
		assertThat(RegionLevel.CITY.isValidCode("320505")).isFalse();
		assertThat(RegionLevel.DISTRICT.isValidCode("320505")).isTrue();
		assertThat(RegionLevel.TOWN.isValidCode("320505006")).isTrue();
		assertThat(RegionLevel.COMMUNITY.isValidCode("320505006001")).isTrue();
		assertThat(RegionLevel.GRID.isValidCode("320505006001001")).isTrue();
		assertThat(RegionLevel.GRID.isValidCode("32050500600100A")).isFalse();
	}

	@Test
	void childCodesContinueTheParentCode() {
		assertThat(RegionLevel.DISTRICT.continuesParentCode("320505", "320500")).isTrue();
		assertThat(RegionLevel.DISTRICT.continuesParentCode("320605", "320500")).isFalse();
		assertThat(RegionLevel.TOWN.continuesParentCode("320505006", "320505")).isTrue();
		assertThat(RegionLevel.TOWN.continuesParentCode("320506006", "320505")).isFalse();
		assertThat(RegionLevel.GRID.continuesParentCode("320505006001001", "320505006001")).isTrue();
		assertThat(RegionLevel.GRID.continuesParentCode("320505006002001", "320505006001")).isFalse();
	}

	@Test
	void levelsNestInOrder() {
		assertThat(RegionLevel.CITY.childLevel()).isEqualTo(RegionLevel.DISTRICT);
		assertThat(RegionLevel.COMMUNITY.childLevel()).isEqualTo(RegionLevel.GRID);
		assertThat(RegionLevel.GRID.childLevel()).isNull();
	}

}
