package org.govgrid.special;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.govgrid.platform.FieldErrors;
import org.govgrid.region.RegionLevel;
import org.govgrid.region.RegionSummary;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The pure calculations of public opinion and crowd flow. */
class SocialCalculationsTests {

	private static final Instant T = Instant.parse("2026-12-07T00:00:00Z");

	@Test
	void theUsualCountIsTheMedianOfTheWeeksPresent() {
		assertThat(CrowdLimits.median(new int[] { 400, 100, 300, 200 })).isEqualTo(250.0);
		assertThat(CrowdLimits.median(new int[] { 7, 3, 5 })).isEqualTo(5.0);
		assertThat(CrowdLimits.median(new int[] {})).isNull();
		assertThat(CrowdLimits.median(null)).isNull();
	}

	@Test
	void theThresholdIsAFloorUnderTheFactor() {
		assertThat(CrowdLimits.limit(1500, null, 800.0)).isEqualTo(1500);
		assertThat(CrowdLimits.limit(1500, 3.0, 800.0)).isEqualTo(2400);
		assertThat(CrowdLimits.limit(1500, 3.0, 100.0)).as("a quiet grid keeps the floor").isEqualTo(1500);
		assertThat(CrowdLimits.limit(1500, 3.0, null)).as("no history: the threshold alone").isEqualTo(1500);
		assertThat(CrowdLimits.crosses(bucket(0, 2401, 800), 1500, 3.0)).isTrue();
		assertThat(CrowdLimits.crosses(bucket(0, 2400, 800), 1500, 3.0)).as("at the limit is not above it").isFalse();
	}

	@Test
	void aRunOfCrossingBucketsBeginsOnceAndAGapEndsIt() {
		List<CrowdLimits.Bucket> series = List.of(bucket(0, 100, 100), bucket(1, 900, 100), bucket(2, 950, 100),
				bucket(3, 200, 100), bucket(4, 990, 100), bucket(6, 999, 100));
		assertThat(CrowdLimits.runStarts(series, 500, null)).extracting(CrowdLimits.Bucket::start)
			.containsExactly(at(1), at(4), at(6));
		assertThat(CrowdLimits.currentRunStart(series.subList(0, 3), 500, null)).isEqualTo(at(1));
		assertThat(CrowdLimits.currentRunStart(series.subList(0, 1), 500, null)).isNull();
	}

	@Test
	void bucketsStartOnQuarterHours() {
		assertThat(CrowdLimits.onQuarterHour(Instant.parse("2026-12-07T00:45:00Z"))).isTrue();
		assertThat(CrowdLimits.onQuarterHour(Instant.parse("2026-12-07T00:40:00Z"))).isFalse();
		assertThat(CrowdLimits.onQuarterHour(Instant.parse("2026-12-07T00:45:01Z"))).isFalse();
		assertThat(CrowdLimits.bucketOf(Instant.parse("2026-12-07T08:44:59Z")))
			.isEqualTo(Instant.parse("2026-12-07T08:30:00Z"));
	}

	@Test
	void aBurstBeginsAtTheItemThatReachesTheThresholdAndEndsWhenItemsLeaveTheWindow() {
		Duration window = Duration.ofHours(24);
		List<Instant> times = List.of(hours(0), hours(2), hours(5), hours(6), hours(40), hours(41), hours(42));
		assertThat(BurstEpisodes.starts(times, 3, window)).containsExactly(hours(5), hours(42));
		assertThat(BurstEpisodes.holdingSince(times, 3, window, hours(20))).isEqualTo(hours(5));
		assertThat(BurstEpisodes.holdingSince(times, 3, window, hours(27)))
			.as("two items left the window: 5 h and 6 h remain")
			.isNull();
		assertThat(BurstEpisodes.holdingSince(times, 3, window, hours(43))).isEqualTo(hours(42));
		assertThat(BurstEpisodes.starts(times, 3, Duration.ofHours(3))).containsExactly(hours(42));
	}

	@Test
	void theMatcherFindsTheLongestNamesAndPlacesAnItemAtTheMostSpecificRegion() {
		RegionSummary town = region(1, "T", RegionLevel.TOWN, "320500/320505/320505006");
		RegionSummary community = region(2, "C", RegionLevel.COMMUNITY, town.path() + "/320505006001");
		RegionSummary grid = region(3, "G", RegionLevel.GRID, community.path() + "/320505006001001");
		RegionSummary other = region(4, "O", RegionLevel.GRID, community.path() + "/320505006001002");
		PlaceMatcher<RegionSummary> matcher = new PlaceMatcher<>(
				Map.of("狮山街道", town, "狮山社区", community, "狮山社区第1网格", grid, "竹园菜市场", grid, "玉山苑", other));
		String text = "狮山街道狮山社区第1网格的竹园菜市场门口，玉山苑居民也反映";
		assertThat(matcher.find(text)).extracting(PlaceMatcher.Found::name)
			.containsExactly("狮山街道", "狮山社区第1网格", "竹园菜市场", "玉山苑");
		Map<Long, Opinions.Match> placed = OpinionMatching.mostSpecific(matcher.find(text));
		assertThat(placed.keySet()).as("the town and community contain named grids").containsExactly(3L, 4L);
		assertThat(placed.get(3L).term()).isEqualTo("狮山社区第1网格");
		assertThat(OpinionMatching.mostSpecific(matcher.find("狮山街道召开会议")).keySet()).containsExactly(1L);
		assertThat(matcher.find("没有地名")).isEmpty();
	}

	@Test
	void addressesAreKnownWithoutTheirTownAndByTheirEstate() {
		assertThat(OpinionPlaces.namesOf("苏州高新区狮山街道金山花园3幢1单元501室", List.of("狮山街道"))).containsExactly("金山花园3幢1单元501室",
				"金山花园");
		assertThat(OpinionPlaces.namesOf("竹园菜市场", List.of("狮山街道"))).containsExactly("竹园菜市场");
		assertThat(OpinionPlaces.commonAncestor(List.of("a/b/c/g1", "a/b/c/g2"))).isEqualTo("a/b/c");
		assertThat(OpinionPlaces.commonAncestor(List.of("a/b/c/g1", "a/x/y"))).isEqualTo("a");
	}

	@Test
	void aCellPolygonHasACentreAndABadOneIsNamed() {
		JsonMapper json = JsonMapper.builder().build();
		FieldErrors errors = new FieldErrors();
		var centre = CrowdCells.centre(
				json.readTree(
						"{\"type\":\"Polygon\",\"coordinates\":[[[120,31],[120.01,31],[120.01,31.01],[120,31]]]}"),
				errors);
		assertThat(errors.isEmpty()).isTrue();
		assertThat(centre.getX()).isBetween(120.0, 120.01);
		FieldErrors bad = new FieldErrors();
		assertThat(CrowdCells.centre(json.readTree("{\"type\":\"Point\",\"coordinates\":[120,31]}"), bad)).isNull();
		assertThat(bad.list()).extracting(e -> e.field()).containsExactly("polygon");
	}

	@Test
	void identifiersInTitlesAreMasked() {
		assertThat(Redaction.redact("联系13812345678或32050519900101123X")).doesNotContain("13812345678")
			.doesNotContain("32050519900101123X")
			.contains("[电话已隐藏]");
		assertThat(Redaction.redact("身份证320505199001011234")).isEqualTo("身份证[证件号已隐藏]");
	}

	private static CrowdLimits.Bucket bucket(int quarter, int people, int usual) {
		return new CrowdLimits.Bucket(at(quarter), people, new int[] { usual });
	}

	private static Instant at(int quarter) {
		return T.plus(CrowdLimits.BUCKET.multipliedBy(quarter));
	}

	private static Instant hours(int h) {
		return T.plus(Duration.ofHours(h));
	}

	private static RegionSummary region(long id, String code, RegionLevel level, String path) {
		return new RegionSummary(id, code, code, level, null, path);
	}

}
