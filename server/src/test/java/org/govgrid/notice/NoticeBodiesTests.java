package org.govgrid.notice;

import java.util.List;

import org.govgrid.region.RegionLevel;
import org.govgrid.region.RegionSummary;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The server-side sanitiser of notice bodies, and who a notice reaches. */
class NoticeBodiesTests {

	@Test
	void scriptsAndHandlersAreGoneAndFormattingStays() {
		NoticeBodies.Clean clean = NoticeBodies.clean("""
				<p>请<strong>按时</strong>参加<em>例会</em></p><script>alert(1)</script>\
				<img src="x" onerror="alert(2)"><p onclick="steal()" style="color:red">二</p>\
				<ul><li>一项</li></ul><a href="javascript:alert(3)">坏链接</a>""");
		assertThat(clean.html()).doesNotContain("<script", "alert", "onerror", "onclick", "style", "javascript:")
			.contains("<p>请<strong>按时</strong>参加<em>例会</em></p>", "<p>二</p>", "<ul><li>一项</li></ul>");
		assertThat(clean.isEmpty()).isFalse();
	}

	@Test
	void linksAreHttpOnlyAndOpenSafely() {
		String html = NoticeBodies
			.clean("<p><a href=\"https://www.suzhou.gov.cn/a\">苏州</a>" + "<a href=\"ftp://x/y\">ftp</a></p>")
			.html();
		assertThat(html).contains("href=\"https://www.suzhou.gov.cn/a\"", "rel=\"noopener noreferrer nofollow\"")
			.doesNotContain("ftp://");
	}

	@Test
	void onlyOurOwnFilesMayBeImages() {
		NoticeBodies.Clean clean = NoticeBodies
			.clean("<p>图</p><img src=\"/api/v1/files/42\" alt=\"现场\"><img src=\"https://evil.example/x.png\">"
					+ "<img src=\"/api/v1/files/43/thumbnail\">");
		assertThat(clean.imageFileIds()).containsExactly(42L, 43L);
		assertThat(clean.html()).contains("src=\"/api/v1/files/42\"").doesNotContain("evil.example");
	}

	@Test
	void aBodyOfOnlyTagsOrScriptsIsEmpty() {
		assertThat(NoticeBodies.clean("<p> </p><script>x()</script>").isEmpty()).isTrue();
		assertThat(NoticeBodies.clean(null).isEmpty()).isTrue();
	}

	@Test
	void aNoticeReachesTheTargetAndBelowAndAboveOnlyInsideTheAuthorsScope() {
		String town = "320500/320505/320505006";
		String community = town + "/320505006001";
		List<RegionSummary> toCommunity = List
			.of(new RegionSummary(1, "320505006001", "狮山社区", RegionLevel.COMMUNITY, null, community));
		assertThat(Recipients.reached(community, town, toCommunity)).as("the chief").isTrue();
		assertThat(Recipients.reached(community + "/320505006001001", town, toCommunity)).as("a worker").isTrue();
		assertThat(Recipients.reached(town, town, toCommunity)).as("the town's own staff").isFalse();
		assertThat(Recipients.reached("320500", town, toCommunity)).as("the city admin").isFalse();
		assertThat(Recipients.reached(town + "/320505006002", town, toCommunity)).as("another community").isFalse();
		List<RegionSummary> toGrid = List.of(new RegionSummary(2, "320505006001001", "第1网格", RegionLevel.GRID, null,
				community + "/320505006001001"));
		assertThat(Recipients.reached(community, town, toGrid)).as("the grid's community chief").isTrue();
		assertThat(Recipients.reached(community + "/320505006001002", town, toGrid)).as("the next grid").isFalse();
	}

}
