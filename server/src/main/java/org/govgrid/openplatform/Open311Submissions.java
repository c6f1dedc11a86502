package org.govgrid.openplatform;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.govgrid.event.CivicRequests;
import org.govgrid.platform.IdentifierProtection;
import org.govgrid.platform.InvalidInputException.FieldProblem;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code POST requests}: every bad field named at once (ours and event's, in Open311's
 * names) before anything is written; the event reported as source {@code CITIZEN} by the
 * client's service account, placed by lat/long inside the client's region and routed by
 * the rules; what Open311 brings beyond an event kept beside it (the e-mail sealed). A
 * repeated client request id answers the same request.
 */
@Component
class Open311Submissions {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	/** Event's field names in Open311's words. */
	private static final Map<String, String> FIELD_NAMES = Map.of("categoryCode", "service_code", "lon", "long", "lat",
			"lat", "gridId", "long", "address", "address_string", "description", "description", "reporterName",
			"last_name", "reporterPhone", "phone");

	private final CivicRequests civic;

	private final JdbcClient jdbc;

	private final IdentifierProtection sealing;

	private final Clock clock;

	Open311Submissions(CivicRequests civic, JdbcClient jdbc, IdentifierProtection sealing, Clock clock) {
		this.civic = civic;
		this.jdbc = jdbc;
		this.sealing = sealing;
		this.clock = clock;
	}

	/**
	 * The form as received ({@code requestId}: the form's own id; {@code key}: the
	 * header).
	 */
	record Submission(String serviceCode, String lat, String lon, String addressString, String description,
			String email, String firstName, String lastName, String phone, String mediaUrl, String deviceId,
			String accountId, String requestId, String key) {
	}

	record Submitted(String serviceRequestId, String serviceNotice, String accountId, String token, boolean created) {
	}

	Submitted submit(Submission form, ClientAuthentication client) {
		List<String> bad = new ArrayList<>();
		String code = trimmed(form.serviceCode());
		CivicRequests.ServiceType service = null;
		if (code == null) {
			bad.add("service_code: required / 请提供服务代码");
		}
		else {
			service = this.civic.service(code).orElse(null);
			if (service == null) {
				bad.add("service_code: no such service / 服务代码不存在");
			}
		}
		Double lat = number(form.lat(), "lat", bad);
		Double lon = number(form.lon(), "long", bad);
		boolean located = lat != null && lon != null;
		boolean placeBad = bad.stream().anyMatch(b -> b.startsWith("lat:") || b.startsWith("long:"));
		if (!located && !placeBad) {
			bad.add(Open311Requests.present(form.addressString())
					? "lat/long: required; requests are placed in a grid by their coordinates, an address_string alone cannot be / 须提供经纬度"
					: "lat/long: required / 须提供经纬度");
			placeBad = true;
		}
		boolean serviceBad = service == null;
		String email = trimmed(form.email());
		if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
			bad.add("email: not an e-mail address / 邮箱格式不正确");
		}
		length(form.firstName(), "first_name", 25, bad);
		length(form.lastName(), "last_name", 25, bad);
		length(form.deviceId(), "device_id", 100, bad);
		length(form.accountId(), "account_id", 100, bad);
		String media = trimmed(form.mediaUrl());
		if (media != null && (media.length() > 1000 || !media.matches("(?i)https?://\\S+"))) {
			bad.add("media_url: an http(s) URL of at most 1000 characters / 须为 http(s) 地址");
		}
		String key = key(form, bad);
		String description = trimmed(form.description());
		if (description == null && service != null) {
			// the spec makes description optional; our events need one
			description = "市民反映：" + service.name();
		}
		String address = trimmed(form.addressString());
		if (address == null && located) {
			address = "坐标 " + lat + ", " + lon;
		}
		CivicRequests.Report report = new CivicRequests.Report(code, description, lon, lat, address,
				name(form.lastName(), form.firstName()), trimmed(form.phone()));
		for (FieldProblem problem : this.civic.check(report, client.getPrincipal())) {
			String field = FIELD_NAMES.getOrDefault(problem.field(), problem.field());
			boolean alreadySaid = switch (field) {
				case "lat", "long" -> placeBad;
				case "service_code" -> serviceBad;
				// no default description without a service; the service's error says it
				case "description" -> serviceBad && trimmed(form.description()) == null;
				default -> false;
			};
			if (!alreadySaid) {
				bad.add(field + ": " + problem.message());
			}
		}
		if (!bad.isEmpty()) {
			throw new Open311Exception(HttpStatus.BAD_REQUEST, bad);
		}
		CivicRequests.Reported reported = this.civic.report(report, key == null ? null : "open311:" + key,
				client.getPrincipal());
		this.jdbc.sql("""
				insert into open311_request (event_id, code, client_id, token, email_sealed, account_id, device_id,
				    media_url, created_at)
				values (:event, :code, :client, :token, :email, :account, :device, :media, :now)
				on conflict (event_id) do nothing""")
			.param("event", reported.id())
			.param("code", reported.code())
			.param("client", client.access().id())
			.param("token", UUID.randomUUID().toString())
			.param("email", email == null ? null : this.sealing.sealText(email))
			.param("account", trimmed(form.accountId()))
			.param("device", trimmed(form.deviceId()))
			.param("media", media)
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
		Map<String, Object> stored = this.jdbc.sql("select token, account_id from open311_request where event_id = :id")
			.param("id", reported.id())
			.query()
			.singleRow();
		String unit = reported.unitName() == null ? "" : reported.unitName();
		return new Submitted(reported.code(), "已受理，由" + unit + "办理 / accepted, handled by " + unit,
				(String) stored.get("account_id"), (String) stored.get("token"), reported.created());
	}

	/** The request a token was given for. */
	Optional<String> codeOfToken(String token) {
		return this.jdbc.sql("select code from open311_request where token = :token")
			.param("token", token)
			.query(String.class)
			.optional();
	}

	/** The media URLs posted with these events (those that have one). */
	Map<Long, String> mediaUrls(List<Long> eventIds) {
		Map<Long, String> urls = new HashMap<>();
		if (eventIds.isEmpty()) {
			return urls;
		}
		this.jdbc
			.sql("select event_id, media_url from open311_request where event_id in (:ids) and media_url is not null")
			.param("ids", eventIds)
			.query((rs, n) -> urls.put(rs.getLong("event_id"), rs.getString("media_url")))
			.list();
		return urls;
	}

	/**
	 * The client's own id of the request: {@code Idempotency-Key} or the form's
	 * service_request_id.
	 */
	private static String key(Submission form, List<String> bad) {
		String header = trimmed(form.key());
		String field = trimmed(form.requestId());
		if (header != null && field != null && !header.equals(field)) {
			bad.add("service_request_id: differs from the Idempotency-Key header / 与幂等键不一致");
		}
		String key = header != null ? header : field;
		if (key != null && key.length() > 92) {
			bad.add("service_request_id: at most 92 characters / 最多92个字符");
		}
		return key;
	}

	private static Double number(String value, String field, List<String> bad) {
		String text = trimmed(value);
		if (text == null) {
			return null;
		}
		try {
			double number = Double.parseDouble(text);
			if (!Double.isFinite(number)) {
				throw new NumberFormatException(text);
			}
			return number;
		}
		catch (NumberFormatException ex) {
			bad.add(field + ": a decimal number (WGS84) / 须为数字");
			return null;
		}
	}

	private static void length(String value, String field, int max, List<String> bad) {
		String text = trimmed(value);
		if (text != null && text.length() > max) {
			bad.add(field + ": at most " + max + " characters / 最多" + max + "个字符");
		}
	}

	/** A Chinese name is family name first; a Latin one keeps a space. */
	private static String name(String last, String first) {
		String family = trimmed(last);
		String given = trimmed(first);
		if (family == null || given == null) {
			return family != null ? family : given;
		}
		boolean latin = (family + given).chars().allMatch(c -> c < 0x2E80);
		return latin ? given + " " + family : family + given;
	}

	private static String trimmed(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
