package org.govgrid.ops.logs;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What one day's digest says. Built from the audit trail and the JSON log; every text
 * taken from them goes through {@link #scrub}, so no ID number or phone reaches a digest.
 */
record LogDigest(Totals totals, List<ErrorKind> errors, List<AccountFailures> failedSignInsByAccount,
		List<AddressFailures> failedSignInsByAddress, List<DenialBurst> denialBursts, List<OddHours> unusualHours,
		List<ExportRow> exports) {

	// an ID number is 17 digits and a check character, a mobile phone 11 digits: any long
	// run of digits is masked, whatever it is
	private static final Pattern DIGIT_RUN = Pattern.compile("\\d{7,}[Xx]?");

	private static final int TEXT_MAX = 200;

	static String scrub(String text) {
		String masked = mask(text);
		if (masked == null) {
			return null;
		}
		return (masked.length() <= TEXT_MAX) ? masked : masked.substring(0, TEXT_MAX) + "…";
	}

	/** Long runs of digits masked, nothing cut. */
	static String mask(String text) {
		return (text == null) ? null : DIGIT_RUN.matcher(text).replaceAll("***");
	}

	/** {@code logRead}: false when no JSON log file was found for the day. */
	record Totals(int auditRows, int logLines, int logErrors, boolean logRead, int failedSignIns, int lockouts,
			int denials, int exports, String unusualHours) {
	}

	/** ERROR lines of one logger with one exception class ({@code -}: none). */
	record ErrorKind(String logger, String exception, int count, Instant lastAt, String lastMessage,
			String lastRequestId) {
	}

	record AccountFailures(String username, int failures, int lockouts, int addresses) {
	}

	record AddressFailures(String clientIp, int failures, int lockouts, int accounts) {
	}

	/** The most refusals one account had within one window, and when. */
	record DenialBurst(String username, int denials, int peak, Instant peakFrom, Instant peakTo) {
	}

	record OddHours(String username, int actions, Instant firstAt, Instant lastAt) {
	}

	/** {@code rows}: null when the trail does not say. */
	record ExportRow(String username, String action, String objectType, Integer rows, boolean unmasked, String outcome,
			Instant at) {
	}

}
