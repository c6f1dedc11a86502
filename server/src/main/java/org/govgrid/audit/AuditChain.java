package org.govgrid.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The hash of one audit row: SHA-256 over the previous hash, its chain position and every
 * column, each length-prefixed so that no two different rows serialise alike.
 */
final class AuditChain {

	static final String GENESIS = "0".repeat(64);

	private AuditChain() {
	}

	static String hash(String prevHash, long seq, AuditRow row) {
		StringBuilder canonical = new StringBuilder(256);
		append(canonical, prevHash);
		append(canonical, Long.toString(seq));
		append(canonical, Long.toString(row.id()));
		append(canonical, Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, row.occurredAt())));
		append(canonical, row.userId() == null ? null : row.userId().toString());
		append(canonical, row.username());
		append(canonical, row.clientIp());
		append(canonical, row.action());
		append(canonical, row.objectType());
		append(canonical, row.objectId());
		append(canonical, row.outcome());
		append(canonical, row.detail());
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(sha256.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void append(StringBuilder out, String value) {
		if (value == null) {
			out.append("-1:");
		}
		else {
			out.append(value.length()).append(':').append(value);
		}
		out.append('|');
	}

}
