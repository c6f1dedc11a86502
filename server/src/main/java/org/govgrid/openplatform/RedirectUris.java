package org.govgrid.openplatform;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.govgrid.platform.FieldErrors;

/**
 * Where a relying party may be sent back: absolute https URIs, or http only to this
 * machine (a developer's or a desktop app's loopback), without a fragment or user info.
 * They are matched exactly by the authorization server, and kept comma-separated in its
 * table (so no commas, and at most {@link #MAX} of {@link #MAX_LENGTH} characters).
 */
final class RedirectUris {

	static final int MAX = 5;

	static final int MAX_LENGTH = 190;

	private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

	private RedirectUris() {
	}

	/** The URIs as given, each checked; every bad one named on {@code field}. */
	static List<String> check(List<String> uris, String field, FieldErrors errors) {
		if (uris == null) {
			return List.of();
		}
		if (uris.size() > MAX) {
			errors.add(field, "at most " + MAX + " URIs / 最多 " + MAX + " 个地址");
		}
		List<String> valid = new java.util.ArrayList<>();
		for (String uri : uris) {
			Optional<String> problem = problem(uri);
			if (problem.isPresent()) {
				errors.add(field, problem.get() + ": " + uri);
			}
			else if (!valid.contains(uri.strip())) {
				valid.add(uri.strip());
			}
		}
		return List.copyOf(valid);
	}

	static Optional<String> problem(String text) {
		if (text == null || text.isBlank()) {
			return Optional.of("empty URI / 地址为空");
		}
		String value = text.strip();
		if (value.length() > MAX_LENGTH || value.contains(",")) {
			return Optional.of("at most " + MAX_LENGTH + " characters, no commas / 最多 " + MAX_LENGTH + " 个字符且不含逗号");
		}
		URI uri;
		try {
			uri = new URI(value);
		}
		catch (URISyntaxException ex) {
			return Optional.of("not a URI / 不是有效的地址");
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null
				|| uri.getRawFragment() != null) {
			return Optional.of("an absolute URI with a host, no user info or fragment / 须为含主机名的绝对地址，不含用户信息或片段");
		}
		boolean loopback = LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT));
		if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
			return Optional.of("https only (http only for localhost) / 须使用 https（仅本机地址可用 http）");
		}
		return Optional.empty();
	}

}
