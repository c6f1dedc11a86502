package org.govgrid.openplatform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import tools.jackson.databind.json.JsonMapper;

/**
 * Open311 GeoReport v2 (docs/api/open311.md): each resource in {@code .json} and
 * {@code .xml}; {@code jurisdiction_id} accepted and ignored (one jurisdiction per
 * deployment). Reads are public, narrowed by the service; a write needs a client with
 * scope {@code open311} (found by {@link Open311Callers}).
 */
@RestController
@RequestMapping("/open311")
class Open311Controller {

	/** When this API last changed (the discovery document's {@code changeset}). */
	static final String CHANGESET = "2026-12-07 00:00";

	private final Open311Requests requests;

	private final JsonMapper json;

	Open311Controller(Open311Requests requests, JsonMapper json) {
		this.requests = requests;
		this.json = json;
	}

	/**
	 * The spec's service discovery document: one production endpoint, this server's
	 * {@code /open311/v2}, in both formats.
	 */
	@GetMapping("/discovery.{format}")
	ResponseEntity<String> discovery(@PathVariable String format) {
		String base = ServletUriComponentsBuilder.fromCurrentContextPath().path("/open311/v2").toUriString();
		Map<String, Object> endpoint = new LinkedHashMap<>();
		endpoint.put("specification", "http://wiki.open311.org/GeoReport_v2");
		endpoint.put("url", base);
		endpoint.put("changeset", CHANGESET);
		endpoint.put("type", "production");
		endpoint.put("formats", List.of("text/xml", "application/json"));
		Map<String, Object> discovery = new LinkedHashMap<>();
		discovery.put("changeset", CHANGESET);
		discovery.put("contact", "开放平台管理员（系统管理员） / the platform's system administrator");
		discovery.put("key_service",
				"api_key 由系统管理员在 开放平台 › 接入应用 中签发（权限范围 open311） / API keys are API clients with scope open311, issued by the system administrator");
		discovery.put("endpoints", List.of(endpoint));
		return format(format).object("discovery", discovery, this.json);
	}

	@GetMapping("/v2/services.{format}")
	ResponseEntity<String> services(@PathVariable String format) {
		return format(format).list(HttpStatus.OK, "services", "service", this.requests.services(), this.json);
	}

	@GetMapping("/v2/services/{code}.{format}")
	ResponseEntity<String> definition(@PathVariable String code, @PathVariable String format) {
		return format(format).object("service_definition", this.requests.definition(code), this.json);
	}

	@GetMapping("/v2/requests.{format}")
	ResponseEntity<String> search(@PathVariable String format,
			@RequestParam(name = "service_request_id", required = false) String ids,
			@RequestParam(name = "service_code", required = false) String serviceCode,
			@RequestParam(name = "start_date", required = false) String startDate,
			@RequestParam(name = "end_date", required = false) String endDate,
			@RequestParam(required = false) String status) {
		Open311Format form = format(format);
		return form.list(
				HttpStatus.OK, "service_requests", "request", this.requests
					.search(new Open311Requests.Filters(ids, serviceCode, startDate, endDate, status), client()),
				this.json);
	}

	@GetMapping("/v2/requests/{id:[^.]+}.{format}")
	ResponseEntity<String> one(@PathVariable String id, @PathVariable String format) {
		Open311Format form = format(format);
		return form.list(HttpStatus.OK, "service_requests", "request", this.requests.one(id, client()), this.json);
	}

	@GetMapping("/v2/tokens/{token:[^.]+}.{format}")
	ResponseEntity<String> token(@PathVariable String token, @PathVariable String format) {
		Open311Format form = format(format);
		return form.list(HttpStatus.OK, "service_requests", "request", this.requests.token(token, client()), this.json);
	}

	/**
	 * 201 with the new request, 200 with the earlier one for a repeated client request id
	 * ({@code Idempotency-Key}, or the form's {@code service_request_id}).
	 */
	@PostMapping("/v2/requests.{format}")
	@PreAuthorize("hasAuthority('SCOPE_open311') and hasAuthority('event:case:report')")
	ResponseEntity<String> submit(@PathVariable String format, HttpServletRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) String key) {
		Open311Format form = format(format);
		Open311Submissions.Submission submission = new Open311Submissions.Submission(
				request.getParameter("service_code"), request.getParameter("lat"), request.getParameter("long"),
				request.getParameter("address_string"), request.getParameter("description"),
				request.getParameter("email"), request.getParameter("first_name"), request.getParameter("last_name"),
				request.getParameter("phone"), request.getParameter("media_url"), request.getParameter("device_id"),
				request.getParameter("account_id"), request.getParameter("service_request_id"), key);
		Open311Submissions.Submitted submitted = this.requests.submit(submission, client());
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("service_request_id", submitted.serviceRequestId());
		row.put("service_notice", submitted.serviceNotice());
		row.put("account_id", submitted.accountId());
		row.put("token", submitted.token());
		return form.list(submitted.created() ? HttpStatus.CREATED : HttpStatus.OK, "service_requests", "request",
				List.of(row), this.json);
	}

	private static Open311Format format(String extension) {
		Open311Format format = Open311Format.of(extension);
		if (format == null) {
			throw new Open311Exception(HttpStatus.NOT_FOUND, "format ." + extension + ": json or xml / 仅支持 json 与 xml");
		}
		return format;
	}

	/** The calling client, or null for an anonymous read. */
	private static ClientAuthentication client() {
		return SecurityContextHolder.getContext().getAuthentication() instanceof ClientAuthentication client ? client
				: null;
	}

}
