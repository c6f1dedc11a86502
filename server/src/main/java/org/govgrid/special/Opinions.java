package org.govgrid.special;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.InvalidInputException;
import org.govgrid.platform.InvalidInputException.FieldProblem;
import org.govgrid.platform.ScopedPrincipal;
import org.govgrid.region.RegionSummary;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes in public-opinion items and places each at the regions it names inside the
 * feeding account's area ({@link OpinionPlaces}): of a chain of nested regions named
 * (狮山街道 … 金山花园) only the most specific is kept; an item naming no known place is placed
 * at the account's own area. One transaction per batch: by default any bad item fails the
 * whole batch (400 naming {@code items[i].field}, nothing written); with {@code partial}
 * the good items are stored and the bad ones reported.
 */
@Service
class Opinions {

	static final int MAX_ITEMS = 1000;

	// the feeding system's clock may run a little ahead of ours
	private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

	private final NamedParameterJdbcTemplate jdbc;

	private final OpinionPlaces places;

	private final Clock clock;

	Opinions(NamedParameterJdbcTemplate jdbc, OpinionPlaces places, Clock clock) {
		this.jdbc = jdbc;
		this.places = places;
		this.clock = clock;
	}

	@Transactional
	OpinionCommands.Result ingest(OpinionCommands.Batch batch, boolean partial, ScopedPrincipal caller) {
		List<OpinionCommands.Item> items = batch == null ? null : batch.items();
		if (items == null || items.isEmpty()) {
			throw new InvalidInputException("items", "at least one item / 至少一条舆情");
		}
		if (items.size() > MAX_ITEMS) {
			throw new InvalidInputException("items", "at most " + MAX_ITEMS + " items a call / 每次最多" + MAX_ITEMS + "条");
		}
		Instant now = this.clock.instant();
		List<OpinionCommands.Rejected> rejected = new ArrayList<>();
		List<Valid> valid = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			FieldErrors errors = new FieldErrors();
			Valid item = validate(items.get(i), now, errors);
			if (errors.isEmpty()) {
				valid.add(item);
			}
			else {
				rejected.add(new OpinionCommands.Rejected(i, errors.list()));
			}
		}
		if (!rejected.isEmpty() && !partial) {
			List<FieldProblem> problems = new ArrayList<>();
			for (OpinionCommands.Rejected r : rejected) {
				r.errors()
					.forEach(e -> problems.add(new FieldProblem("items[" + r.index() + "]." + e.field(), e.message())));
			}
			throw new InvalidInputException(problems);
		}
		PlaceMatcher<RegionSummary> matcher = this.places.matcher(caller.scope().path());
		int accepted = 0;
		int duplicates = 0;
		Set<String> seen = new HashSet<>();
		for (Valid item : valid) {
			if (!seen.add(item.source() + "\n" + item.url())) {
				duplicates++;
				continue;
			}
			Map<Long, Match> matches = OpinionMatching.mostSpecific(matcher.find(item.searchText()));
			if (matches.isEmpty() && !caller.scope().path().isEmpty()) {
				matches = Map.of(caller.scope().regionId(),
						new Match(caller.scope().regionId(), caller.scope().path(), null));
			}
			Match primary = matches.values().stream().findFirst().orElse(null);
			List<Long> id = this.jdbc.queryForList("""
					insert into opinion_item (source, url, title, body, published_at, sentiment, keywords, region_id,
					    region_path, received_at)
					values (:source, :url, :title, :body, :published, :sentiment, :keywords, :region, :path, :now)
					on conflict (source, url) do nothing returning id""",
					new MapSqlParameterSource("source", item.source()).addValue("url", item.url())
						.addValue("title", item.title())
						.addValue("body", item.text())
						.addValue("published", Timestamp.from(item.publishedAt()))
						.addValue("sentiment", item.sentiment())
						.addValue("keywords", item.keywords())
						.addValue("region", primary == null ? null : primary.regionId())
						.addValue("path", primary == null ? null : primary.path())
						.addValue("now", Timestamp.from(now)),
					Long.class);
			if (id.isEmpty()) {
				duplicates++;
				continue;
			}
			accepted++;
			List<MapSqlParameterSource> rows = new ArrayList<>();
			for (Match match : matches.values()) {
				rows.add(new MapSqlParameterSource("item", id.get(0)).addValue("region", match.regionId())
					.addValue("path", match.path())
					.addValue("term", match.term()));
			}
			this.jdbc.batchUpdate("insert into opinion_match (item_id, region_id, region_path, term)"
					+ " values (:item, :region, :path, :term)", rows.toArray(MapSqlParameterSource[]::new));
		}
		return new OpinionCommands.Result(accepted, duplicates, rejected);
	}

	/** A matched region: its id, path and the name in the text that matched. */
	record Match(long regionId, String path, String term) {
	}

	private record Valid(String source, String url, String title, String text, Instant publishedAt,
			BigDecimal sentiment, String keywords) {

		String searchText() {
			return this.title + "\n" + (this.text == null ? "" : this.text) + "\n"
					+ (this.keywords == null ? "" : this.keywords);
		}

	}

	private Valid validate(OpinionCommands.Item item, Instant now, FieldErrors errors) {
		if (item == null) {
			errors.add("item", "required / 不能为空");
			return null;
		}
		String source = text(errors, "source", item.source(), 30, true);
		String url = text(errors, "url", item.url(), 1000, true);
		if (url != null && !url.matches("(?i)https?://\\S+")) {
			errors.add("url", "an http(s) address / 须为 http(s) 网址");
		}
		String title = text(errors, "title", item.title(), 300, true);
		String body = text(errors, "text", item.text(), 20_000, false);
		Instant published = null;
		if (item.publishedAt() == null || item.publishedAt().isBlank()) {
			errors.add("publishedAt", "required / 发布时间必填");
		}
		else {
			try {
				published = Instant.parse(item.publishedAt().strip());
				if (published.isAfter(now.plus(CLOCK_SKEW))) {
					errors.add("publishedAt", "must not be in the future / 发布时间不能晚于当前时间");
				}
			}
			catch (java.time.format.DateTimeParseException ex) {
				errors.add("publishedAt", "an ISO-8601 time such as 2026-12-07T08:30:00+08:00 / 时间格式错误");
			}
		}
		if (item.sentiment() == null || item.sentiment().isNaN() || item.sentiment() < -1 || item.sentiment() > 1) {
			errors.add("sentiment", "a number from -1 to 1 / 情感值须在 -1 到 1 之间");
		}
		String keywords = null;
		if (item.keywords() != null) {
			List<String> words = item.keywords()
				.stream()
				.filter(k -> k != null && !k.isBlank())
				.map(String::strip)
				.distinct()
				.toList();
			keywords = String.join(",", words);
			if (keywords.length() > 300) {
				errors.add("keywords", "at most 300 characters together / 关键词合计最多300个字符");
			}
		}
		if (!errors.isEmpty()) {
			return null;
		}
		return new Valid(source, url, title, body, published,
				BigDecimal.valueOf(item.sentiment()).setScale(3, RoundingMode.HALF_UP), keywords);
	}

	private static String text(FieldErrors errors, String field, String value, int max, boolean required) {
		if (value == null || value.isBlank()) {
			if (required) {
				errors.add(field, "required / 必填");
			}
			return null;
		}
		String stripped = value.strip();
		if (stripped.length() > max) {
			errors.add(field, "at most " + max + " characters / 最多" + max + "个字符");
		}
		return stripped;
	}

}
