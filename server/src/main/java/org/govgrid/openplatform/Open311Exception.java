package org.govgrid.openplatform;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A GeoReport v2 error answer: the HTTP status and one or more descriptions, each written
 * as {@code {"code": status, "description": …}} (an {@code <error>} in XML).
 */
final class Open311Exception extends RuntimeException {

	private final HttpStatus status;

	private final List<String> descriptions;

	Open311Exception(HttpStatus status, List<String> descriptions) {
		super(String.join("; ", descriptions));
		this.status = status;
		this.descriptions = List.copyOf(descriptions);
	}

	Open311Exception(HttpStatus status, String description) {
		this(status, List.of(description));
	}

	static Open311Exception notFound(String what) {
		return new Open311Exception(HttpStatus.NOT_FOUND, what + " not found / 未找到");
	}

	HttpStatus status() {
		return this.status;
	}

	/** The error document's items. */
	List<Map<String, Object>> errors() {
		return this.descriptions.stream()
			.map(d -> Map.<String, Object>of("code", this.status.value(), "description", d))
			.map(Open311Exception::ordered)
			.toList();
	}

	private static Map<String, Object> ordered(Map<String, Object> error) {
		Map<String, Object> ordered = new java.util.LinkedHashMap<>();
		ordered.put("code", error.get("code"));
		ordered.put("description", error.get("description"));
		return ordered;
	}

}
