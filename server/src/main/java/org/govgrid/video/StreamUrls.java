package org.govgrid.video;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import org.govgrid.platform.FieldErrors;

/**
 * A camera's live stream on the city's video platform: http(s) only, HLS ({@code .m3u8})
 * or HTTP-FLV ({@code .flv}), which the console plays with hls.js or mpegts.js.
 */
final class StreamUrls {

	static final int MAX_LENGTH = 1000;

	private StreamUrls() {
	}

	enum Kind {

		HLS, FLV

	}

	/** The stream's kind, or null with the reason added under {@code field}. */
	static Kind check(String url, String field, FieldErrors errors) {
		if (url == null || url.isBlank()) {
			errors.add(field, "required / 请填写视频流地址");
			return null;
		}
		if (url.length() > MAX_LENGTH) {
			errors.add(field, "at most " + MAX_LENGTH + " characters / 最多" + MAX_LENGTH + "个字符");
			return null;
		}
		URI uri;
		try {
			uri = new URI(url.strip());
		}
		catch (URISyntaxException ex) {
			errors.add(field, "not a URL / 不是有效的网址");
			return null;
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
			errors.add(field, "an http or https URL / 须为 http 或 https 地址");
			return null;
		}
		if (uri.getUserInfo() != null) {
			errors.add(field, "no credentials in the URL / 地址中不得包含账号密码");
			return null;
		}
		String path = uri.getPath() == null ? "" : uri.getPath().toLowerCase(Locale.ROOT);
		if (path.endsWith(".m3u8")) {
			return Kind.HLS;
		}
		if (path.endsWith(".flv")) {
			return Kind.FLV;
		}
		errors.add(field, "HLS (.m3u8) or HTTP-FLV (.flv) / 仅支持 HLS（.m3u8）或 HTTP-FLV（.flv）");
		return null;
	}

}
