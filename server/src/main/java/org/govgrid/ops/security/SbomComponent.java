package org.govgrid.ops.security;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One component of an SBOM as OSV names it: ecosystem {@code Maven} with
 * {@code group:artifact}, or {@code npm} with the package name.
 */
record SbomComponent(String ecosystem, String name, String version) {

	static final String MAVEN = "Maven";

	static final String NPM = "npm";

	/** The key advisories are looked up by: {@code <ecosystem>:<name>}. */
	String key() {
		return this.ecosystem + ":" + this.name;
	}

	/**
	 * From a package URL such as {@code pkg:maven/org.jsoup/jsoup@1.24.1?type=jar} or
	 * {@code pkg:npm/%40vue/shared@3.5.45}; other types are left out.
	 */
	static Optional<SbomComponent> fromPurl(String purl) {
		if (purl == null || !purl.startsWith("pkg:")) {
			return Optional.empty();
		}
		String rest = purl.substring(4);
		int cut = indexOfAny(rest, '?', '#');
		if (cut >= 0) {
			rest = rest.substring(0, cut);
		}
		int at = rest.lastIndexOf('@');
		int slash = rest.indexOf('/');
		if (at < 0 || slash < 0 || at < slash) {
			return Optional.empty();
		}
		String type = rest.substring(0, slash);
		String path = decode(rest.substring(slash + 1, at));
		String version = decode(rest.substring(at + 1));
		if (version.isBlank()) {
			return Optional.empty();
		}
		return switch (type) {
			case "maven" -> {
				int split = path.lastIndexOf('/');
				yield (split <= 0) ? Optional.empty() : Optional
					.of(new SbomComponent(MAVEN, path.substring(0, split) + ":" + path.substring(split + 1), version));
			}
			case "npm" -> Optional.of(new SbomComponent(NPM, path, version));
			default -> Optional.empty();
		};
	}

	private static int indexOfAny(String text, char a, char b) {
		int first = text.indexOf(a);
		int second = text.indexOf(b);
		return (first < 0) ? second : (second < 0) ? first : Math.min(first, second);
	}

	private static String decode(String text) {
		return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
	}

}
