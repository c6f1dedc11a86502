package org.govgrid.openplatform;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.govgrid.platform.FieldErrors;

import org.springframework.stereotype.Component;

/**
 * Checks a webhook command, naming every bad field: the URL is absolute https (plain http
 * only to a loopback or private address, and only when
 * {@code govgrid.open.webhooks.allow-private-http} is on), without credentials or
 * fragment, at most 500 characters; at least one event type, each a known one.
 */
@Component
class WebhookValidation {

	static final int MAX_URL = 500;

	private final WebhookProperties properties;

	WebhookValidation(WebhookProperties properties) {
		this.properties = properties;
	}

	record Valid(String url, List<String> eventTypes, boolean enabled) {
	}

	Valid validate(WebhookCommand command) {
		FieldErrors errors = new FieldErrors();
		String url = command.url() == null ? null : command.url().strip();
		if (url == null || url.isEmpty()) {
			errors.add("url", "required / 必填");
		}
		else if (url.length() > MAX_URL) {
			errors.add("url", "at most " + MAX_URL + " characters / 最多 " + MAX_URL + " 个字符");
		}
		else {
			String problem = urlProblem(url);
			if (problem != null) {
				errors.add("url", problem);
			}
		}
		Set<String> types = new LinkedHashSet<>();
		if (command.eventTypes() == null || command.eventTypes().isEmpty()) {
			errors.add("eventTypes", "at least one event type / 至少选择一种事件类型");
		}
		else {
			for (String type : command.eventTypes()) {
				if (WebhookType.of(type).isEmpty()) {
					errors.add("eventTypes", "unknown event type " + type + "; one of "
							+ String.join(", ", WebhookType.codes()) + " / 未知的事件类型");
				}
				else {
					types.add(type);
				}
			}
		}
		errors.throwIfAny();
		return new Valid(url, List.copyOf(types), command.enabled() == null || command.enabled());
	}

	private String urlProblem(String url) {
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			return "not a URL / 不是有效的网址";
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
			return "an absolute https URL / 须为 https 开头的完整网址";
		}
		if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
			return "no credentials or fragment in the URL / 网址中不能含用户名密码或 # 片段";
		}
		if (scheme.equals("http")) {
			if (!this.properties.allowPrivateHttp()) {
				return "https only / 只允许 https";
			}
			if (!privateAddress(uri.getHost())) {
				return "plain http only to a loopback or private address / http 仅限本机或内网地址";
			}
		}
		return null;
	}

	private static boolean privateAddress(String host) {
		try {
			InetAddress address = InetAddress
				.getByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
			return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

}
