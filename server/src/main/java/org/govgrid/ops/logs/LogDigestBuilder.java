package org.govgrid.ops.logs;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.govgrid.audit.AuditReadings;
import org.govgrid.audit.AuditReadings.Denial;
import org.govgrid.audit.AuditReadings.SignInFailures;
import org.govgrid.ops.logs.LogDigest.AccountFailures;
import org.govgrid.ops.logs.LogDigest.AddressFailures;
import org.govgrid.ops.logs.LogDigest.DenialBurst;
import org.govgrid.ops.logs.LogDigest.ExportRow;
import org.govgrid.ops.logs.LogDigest.OddHours;
import org.govgrid.ops.logs.LogDigest.Totals;

import org.springframework.stereotype.Component;

/** Builds one local day's digest from the audit trail and the JSON log. */
@Component
class LogDigestBuilder {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final Pattern ROWS = Pattern.compile("\\brows=(\\d+)");

	private final AuditReadings audit;

	private final JsonLogReader logs;

	private final LogDigestProperties properties;

	LogDigestBuilder(AuditReadings audit, JsonLogReader logs, LogDigestProperties properties) {
		this.audit = audit;
		this.logs = logs;
		this.properties = properties;
	}

	LogDigest build(LocalDate date) {
		Instant from = date.atStartOfDay(ZONE).toInstant();
		Instant to = date.plusDays(1).atStartOfDay(ZONE).toInstant();
		List<SignInFailures> failures = this.audit.signInFailures(from, to);
		List<Denial> denials = this.audit.denials(from, to);
		List<ExportRow> exports = this.audit.exports(from, to)
			.stream()
			.map((export) -> new ExportRow(LogDigest.scrub(export.username()), export.action(), export.objectType(),
					rows(export.detail()), export.detail() != null && export.detail().contains("unmasked"),
					export.outcome(), export.at()))
			.toList();
		List<OddHours> odd = this.audit
			.oddHours(from, to, ZONE.getId(), this.properties.unusualFrom(), this.properties.unusualTo())
			.stream()
			.map((row) -> new OddHours(LogDigest.scrub(row.username()), row.actions(), row.firstAt(), row.lastAt()))
			.toList();
		JsonLogReader.Errors errors = this.logs.errors(from, to);
		Totals totals = new Totals(this.audit.count(from, to), errors.lines(), errors.errors(), errors.read(),
				failures.stream().mapToInt(SignInFailures::failures).sum(),
				failures.stream().mapToInt(SignInFailures::lockouts).sum(), denials.size(), exports.size(),
				String.format("%02d:00–%02d:00", this.properties.unusualFrom(), this.properties.unusualTo()));
		return new LogDigest(totals, errors.kinds(), byAccount(failures), byAddress(failures), bursts(denials), odd,
				exports);
	}

	private static Integer rows(String detail) {
		Matcher matcher = (detail != null) ? ROWS.matcher(detail) : null;
		return (matcher != null && matcher.find()) ? Integer.valueOf(matcher.group(1)) : null;
	}

	/** Attempted names are typed by anyone: scrubbed like any other text. */
	private static List<AccountFailures> byAccount(List<SignInFailures> rows) {
		Map<String, int[]> sums = new LinkedHashMap<>();
		Map<String, Set<String>> addresses = new LinkedHashMap<>();
		for (SignInFailures row : rows) {
			String name = LogDigest.scrub(row.username());
			int[] sum = sums.computeIfAbsent(name, (key) -> new int[2]);
			sum[0] += row.failures();
			sum[1] += row.lockouts();
			addresses.computeIfAbsent(name, (key) -> new LinkedHashSet<>()).add(row.clientIp());
		}
		List<AccountFailures> list = new ArrayList<>();
		sums.forEach((name, sum) -> list.add(new AccountFailures(name, sum[0], sum[1], addresses.get(name).size())));
		list.sort(
				Comparator.comparingInt(AccountFailures::failures).reversed().thenComparing(AccountFailures::username));
		return list;
	}

	private static List<AddressFailures> byAddress(List<SignInFailures> rows) {
		Map<String, int[]> sums = new LinkedHashMap<>();
		Map<String, Set<String>> accounts = new LinkedHashMap<>();
		for (SignInFailures row : rows) {
			int[] sum = sums.computeIfAbsent(row.clientIp(), (key) -> new int[2]);
			sum[0] += row.failures();
			sum[1] += row.lockouts();
			accounts.computeIfAbsent(row.clientIp(), (key) -> new LinkedHashSet<>()).add(row.username());
		}
		List<AddressFailures> list = new ArrayList<>();
		sums.forEach((ip, sum) -> list.add(new AddressFailures(ip, sum[0], sum[1], accounts.get(ip).size())));
		list.sort(
				Comparator.comparingInt(AddressFailures::failures).reversed().thenComparing(AddressFailures::clientIp));
		return list;
	}

	/**
	 * Per account, the most refusals inside any window of {@code burstWindow}; a burst
	 * when that reaches {@code burstThreshold}. Denials come sorted by account and time.
	 */
	private List<DenialBurst> bursts(List<Denial> denials) {
		Map<String, List<Instant>> byAccount = new LinkedHashMap<>();
		denials.forEach(
				(denial) -> byAccount.computeIfAbsent(denial.username(), (key) -> new ArrayList<>()).add(denial.at()));
		List<DenialBurst> bursts = new ArrayList<>();
		byAccount.forEach((account, times) -> {
			int peak = 0;
			int peakStart = 0;
			int start = 0;
			for (int end = 0; end < times.size(); end++) {
				while (times.get(end).isAfter(times.get(start).plus(this.properties.burstWindow()))) {
					start++;
				}
				if (end - start + 1 > peak) {
					peak = end - start + 1;
					peakStart = start;
				}
			}
			if (peak >= this.properties.burstThreshold()) {
				bursts.add(new DenialBurst(LogDigest.scrub(account), times.size(), peak, times.get(peakStart),
						times.get(peakStart + peak - 1)));
			}
		});
		bursts.sort(Comparator.comparingInt(DenialBurst::peak).reversed().thenComparing(DenialBurst::username));
		return bursts;
	}

}
