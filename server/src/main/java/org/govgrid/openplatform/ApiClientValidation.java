package org.govgrid.openplatform;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.ScopedPrincipal;
import org.govgrid.region.RegionService;
import org.govgrid.region.RegionSummary;

import org.springframework.stereotype.Component;

/** Checks an {@link ApiClientCommand}, naming every bad field at once. */
@Component
class ApiClientValidation {

	static final int MAX_IP_RANGES = 50;

	private final RegionService regions;

	ApiClientValidation(RegionService regions) {
		this.regions = regions;
	}

	record Valid(String name, String unit, List<String> scopes, RegionSummary region, int rateLimitPerMinute,
			List<String> allowedIps, SsoSettings sso) {
	}

	/** A new client's command. */
	Valid validate(ApiClientCommand command, ScopedPrincipal caller) {
		return validate(command, caller, null);
	}

	/**
	 * A command; the single sign-on fields left out keep {@code current} (a new client:
	 * client_credentials with a secret).
	 */
	Valid validate(ApiClientCommand command, ScopedPrincipal caller, SsoSettings current) {
		FieldErrors errors = new FieldErrors();
		String name = text(command.name(), "name", 100, errors);
		String unit = text(command.unit(), "unit", 100, errors);
		Set<String> scopes = new LinkedHashSet<>();
		if (command.scopes() == null || command.scopes().isEmpty()) {
			errors.add("scopes", "at least one scope / 至少选择一个权限范围");
		}
		else {
			for (String scope : command.scopes()) {
				if (OpenScope.of(scope).isEmpty() && !SsoClaims.OIDC_SCOPES.contains(scope)) {
					errors.add("scopes", "unknown scope " + scope + "; one of " + String.join(", ", OpenScope.codes())
							+ ", openid, profile / 未知的权限范围");
				}
				else {
					scopes.add(scope);
				}
			}
		}
		Optional<RegionSummary> region = Optional.empty();
		if (command.regionId() == null) {
			errors.add("regionId", "required / 必填");
		}
		else {
			region = this.regions.find(command.regionId()).filter(r -> caller.scope().covers(r.path()));
			if (region.isEmpty()) {
				errors.add("regionId", "no such region in your scope / 区域不存在或不在您的管辖范围内");
			}
		}
		Integer rate = command.rateLimitPerMinute();
		if (rate == null || rate < 1 || rate > 100_000) {
			errors.add("rateLimitPerMinute", "between 1 and 100000 calls a minute / 须在 1–100000 次/分钟之间");
		}
		List<String> ips = new ArrayList<>();
		if (command.allowedIps() != null) {
			if (command.allowedIps().size() > MAX_IP_RANGES) {
				errors.add("allowedIps", "at most " + MAX_IP_RANGES + " ranges / 最多 " + MAX_IP_RANGES + " 个地址段");
			}
			for (String ip : command.allowedIps()) {
				Optional<CidrRange> range = CidrRange.parse(ip);
				if (range.isEmpty()) {
					errors.add("allowedIps", "not an IP address or CIDR range: " + ip + " / 不是有效的 IP 地址或 CIDR 地址段");
				}
				else if (!ips.contains(range.get().text())) {
					ips.add(range.get().text());
				}
			}
		}
		SsoSettings sso = SsoSettings.check(command, scopes, current, errors);
		errors.throwIfAny();
		return new Valid(name, unit, List.copyOf(scopes), region.orElseThrow(), rate, List.copyOf(ips), sso);
	}

	private static String text(String value, String field, int max, FieldErrors errors) {
		if (value == null || value.isBlank()) {
			errors.add(field, "required / 必填");
			return null;
		}
		if (value.strip().length() > max) {
			errors.add(field, "at most " + max + " characters / 最多 " + max + " 个字符");
		}
		return value.strip();
	}

}
