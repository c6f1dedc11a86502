package org.govgrid.ops.security;

import org.govgrid.platform.FieldErrors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** OSV matching: purls, version order, {@code versions} lists and ranges. */
class AdvisoryMatchingTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void packageUrlsBecomeOsvNames() {
		assertThat(SbomComponent.fromPurl("pkg:maven/org.jsoup/jsoup@1.24.1?type=jar"))
			.contains(new SbomComponent("Maven", "org.jsoup:jsoup", "1.24.1"));
		assertThat(SbomComponent.fromPurl("pkg:npm/%40vue/shared@3.5.45"))
			.contains(new SbomComponent("npm", "@vue/shared", "3.5.45"));
		assertThat(SbomComponent.fromPurl("pkg:npm/axios@1.21.1"))
			.contains(new SbomComponent("npm", "axios", "1.21.1"));
		assertThat(SbomComponent.fromPurl("pkg:pypi/requests@2.0")).isEmpty();
		assertThat(SbomComponent.fromPurl("not a purl")).isEmpty();
	}

	@Test
	void versionsOrderLikeMavenAndSemver() {
		assertThat(Versions.compare("1.10.0", "1.9.9")).isPositive();
		assertThat(Versions.compare("1.0", "1.0.0")).isZero();
		assertThat(Versions.compare("7.4.0.Final", "7.4.0")).isZero();
		assertThat(Versions.compare("1.0-rc1", "1.0")).isNegative();
		assertThat(Versions.compare("1.0-alpha", "1.0-beta")).isNegative();
		assertThat(Versions.compare("2.0.0-SNAPSHOT", "2.0.0")).isNegative();
		assertThat(Versions.compare("1.0.1", "1.0")).isPositive();
		assertThat(Versions.compare("v3.5.45", "3.5.45")).isZero();
		assertThat(Versions.compare("1.2.3+build.7", "1.2.3")).isZero();
	}

	@Test
	void rangesOpenAtIntroducedAndCloseAtFixedOrLastAffected() {
		JsonNode range = JSON.readTree("""
				{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"1.15.3"},
				 {"introduced":"2.0.0"},{"last_affected":"2.1.0"}]}""");
		assertThat(Advisory.inRange("1.15.2", range)).isTrue();
		assertThat(Advisory.inRange("1.15.3", range)).isFalse();
		assertThat(Advisory.inRange("1.99", range)).isFalse();
		assertThat(Advisory.inRange("2.0.0", range)).isTrue();
		assertThat(Advisory.inRange("2.1.0", range)).isTrue();
		assertThat(Advisory.inRange("2.1.1", range)).isFalse();
		JsonNode open = JSON.readTree("""
				{"type":"SEMVER","events":[{"introduced":"3.0.0"}]}""");
		assertThat(Advisory.inRange("3.4.0", open)).isTrue();
		assertThat(Advisory.inRange("2.9.0", open)).isFalse();
	}

	@Test
	void anAdvisoryAffectsOnlyItsPackageAndVersions() {
		FieldErrors errors = new FieldErrors();
		Advisory advisory = Advisory.parse(JSON.readTree("""
				{"id":"GHSA-test-0001","modified":"2026-11-01T00:00:00Z","summary":"XSS in jsoup",
				 "database_specific":{"severity":"MODERATE"},
				 "affected":[{"package":{"ecosystem":"Maven","name":"org.jsoup:jsoup"},
				   "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"1.25.0"}]}]},
				  {"package":{"ecosystem":"npm","name":"axios"},"versions":["1.21.1"]}]}"""), "file", errors)
			.orElseThrow();
		assertThat(errors.isEmpty()).isTrue();
		assertThat(advisory.severity()).isEqualTo("MEDIUM");
		assertThat(advisory.packages()).containsExactly("Maven:org.jsoup:jsoup", "npm:axios");
		assertThat(advisory.affects(new SbomComponent("Maven", "org.jsoup:jsoup", "1.24.1"))).contains("1.25.0");
		assertThat(advisory.affects(new SbomComponent("Maven", "org.jsoup:jsoup", "1.25.0"))).isEmpty();
		assertThat(advisory.affects(new SbomComponent("npm", "axios", "1.21.1"))).contains("");
		assertThat(advisory.affects(new SbomComponent("npm", "axios", "1.21.2"))).isEmpty();
		assertThat(advisory.affects(new SbomComponent("Maven", "org.other:jsoup", "1.0"))).isEmpty();
	}

	@Test
	void aBadRecordNamesEveryBadField() {
		FieldErrors errors = new FieldErrors();
		assertThat(Advisory.parse(JSON.readTree("""
				{"id":"bad id!","affected":{},"modified":"yesterday"}"""), "feed.json[3]", errors)).isEmpty();
		assertThat(errors.list()).extracting("field")
			.containsExactly("feed.json[3].id", "feed.json[3].affected", "feed.json[3].modified");
	}

}
