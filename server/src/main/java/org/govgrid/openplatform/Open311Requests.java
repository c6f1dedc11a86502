package org.govgrid.openplatform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.govgrid.event.CivicRequests;
import org.govgrid.event.CivicRequests.Request;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * GeoReport v2 over our events (docs/api/open311.md). Services are the enabled 小类;
 * requests are events of source {@code CITIZEN}. An anonymous caller sees citizen
 * requests anywhere but no description, no handler's notes and never personal data; a
 * client with scope {@code open311} sees those of its region in full (any other is 404)
 * and reports new ones there, idempotent per client and its own request id.
 */
@Service
class Open311Requests {

	static final int MAX_REQUESTS = 1000;

	static final Duration DEFAULT_SPAN = Duration.ofDays(90);

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private final CivicRequests civic;

	private final Open311Submissions submissions;

	private final Clock clock;

	Open311Requests(CivicRequests civic, Open311Submissions submissions, Clock clock) {
		this.civic = civic;
		this.submissions = submissions;
		this.clock = clock;
	}

	List<Map<String, Object>> services() {
		return this.civic.services().stream().map(service -> {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("service_code", service.code());
			row.put("service_name", service.name());
			row.put("description", service.groupName() + " · " + service.name());
			row.put("metadata", false);
			row.put("type", "realtime");
			row.put("keywords", service.groupName() + ", " + service.name());
			row.put("group", service.groupName());
			return row;
		}).toList();
	}

	/** No service has extra attributes: every request carries the same fields. */
	Map<String, Object> definition(String code) {
		this.civic.service(code).orElseThrow(() -> Open311Exception.notFound("service_code " + code));
		Map<String, Object> definition = new LinkedHashMap<>();
		definition.put("service_code", code);
		definition.put("attributes", List.of());
		return definition;
	}

	/** The filters of {@code GET requests}, as received. */
	record Filters(String serviceRequestId, String serviceCode, String startDate, String endDate, String status) {
	}

	List<Map<String, Object>> search(Filters filters, ClientAuthentication client) {
		String area = area(client);
		if (present(filters.serviceRequestId())) {
			// the spec: a list of ids overrides every other argument
			List<String> ids = Arrays.stream(filters.serviceRequestId().split(","))
				.map(String::strip)
				.filter(s -> !s.isEmpty())
				.distinct()
				.limit(MAX_REQUESTS)
				.toList();
			return rows(this.civic.find(new CivicRequests.Query(ids, null, null, null, null, area, MAX_REQUESTS)),
					client);
		}
		List<String> bad = new ArrayList<>();
		String code = present(filters.serviceCode()) ? filters.serviceCode().strip() : null;
		if (code != null && this.civic.service(code).isEmpty()) {
			bad.add("service_code: no such service / 服务代码不存在");
		}
		Instant start = instant(filters.startDate(), "start_date", bad);
		Instant end = instant(filters.endDate(), "end_date", bad);
		Boolean open = null;
		if (present(filters.status())) {
			List<String> statuses = Arrays.stream(filters.status().split(",")).map(String::strip).toList();
			if (!List.of("open", "closed").containsAll(statuses)) {
				bad.add("status: open or closed / 状态须为 open 或 closed");
			}
			else if (statuses.size() == 1 || statuses.stream().distinct().count() == 1) {
				open = statuses.get(0).equals("open");
			}
		}
		if (start != null && end != null && !start.isBefore(end)) {
			bad.add("start_date: must be before end_date / 开始时间须早于结束时间");
		}
		if (!bad.isEmpty()) {
			throw new Open311Exception(HttpStatus.BAD_REQUEST, bad);
		}
		if (end == null) {
			end = start == null ? this.clock.instant() : start.plus(DEFAULT_SPAN);
		}
		if (start == null) {
			start = end.minus(DEFAULT_SPAN);
		}
		// reported_at < end: an end_date names the last instant included
		return rows(
				this.civic
					.find(new CivicRequests.Query(List.of(), code, start, end.plusMillis(1), open, area, MAX_REQUESTS)),
				client);
	}

	List<Map<String, Object>> one(String id, ClientAuthentication client) {
		List<Map<String, Object>> found = rows(
				this.civic.find(new CivicRequests.Query(List.of(id), null, null, null, null, area(client), 1)), client);
		if (found.isEmpty()) {
			throw Open311Exception.notFound("service_request_id " + id);
		}
		return found;
	}

	/**
	 * The spec's token lookup; requests are made at once, so a known token always
	 * resolves.
	 */
	List<Map<String, Object>> token(String token, ClientAuthentication client) {
		String code = this.submissions.codeOfToken(token)
			.filter(c -> !this.civic.find(new CivicRequests.Query(List.of(c), null, null, null, null, area(client), 1))
				.isEmpty())
			.orElseThrow(() -> Open311Exception.notFound("token " + token));
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("service_request_id", code);
		row.put("token", token);
		return List.of(row);
	}

	/**
	 * {@code POST requests}: the created (or, for a repeated id, the earlier) request.
	 */
	Open311Submissions.Submitted submit(Open311Submissions.Submission submission, ClientAuthentication client) {
		return this.submissions.submit(submission, client);
	}

	private List<Map<String, Object>> rows(List<Request> requests, ClientAuthentication client) {
		Map<Long, String> media = this.submissions.mediaUrls(requests.stream().map(Request::id).toList());
		boolean full = client != null;
		return requests.stream().map(request -> {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("service_request_id", request.code());
			row.put("status", request.open() ? "open" : "closed");
			row.put("status_notes", notes(request, full));
			row.put("service_name", request.categoryName());
			row.put("service_code", request.categoryCode());
			row.put("description", full ? request.description() : null);
			row.put("agency_responsible", request.unitName());
			row.put("service_notice", null);
			row.put("requested_datetime", datetime(request.reportedAt()));
			row.put("updated_datetime", datetime(request.updatedAt()));
			row.put("expected_datetime", request.open() ? datetime(request.expectedAt()) : null);
			row.put("address", request.address());
			row.put("address_id", null);
			row.put("zipcode", null);
			row.put("lat", request.lat());
			row.put("long", request.lon());
			row.put("media_url", media.get(request.id()));
			return row;
		}).toList();
	}

	private static String notes(Request request, boolean full) {
		String status = request.statusLabel() + " / " + request.status().toLowerCase(java.util.Locale.ROOT);
		return full && request.lastComment() != null ? status + "：" + request.lastComment() : status;
	}

	static String datetime(Instant instant) {
		return instant == null ? null : OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), SHANGHAI)
			.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
	}

	private static String area(ClientAuthentication client) {
		return client == null ? null : client.access().regionPath();
	}

	private static Instant instant(String value, String field, List<String> bad) {
		if (!present(value)) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value.strip()).toInstant();
		}
		catch (DateTimeParseException ex) {
			bad.add(field + ": an ISO 8601 time with its offset, e.g. 2026-12-01T00:00:00+08:00 / 时间格式须为 ISO 8601");
			return null;
		}
	}

	static boolean present(String value) {
		return value != null && !value.isBlank();
	}

}
