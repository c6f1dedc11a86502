package org.govgrid.platform;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code X-GovGrid-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." +
 * body)>}: the time binds the signature to the moment it was made, so a captured request
 * cannot be replayed after the tolerance. Several {@code v1} entries may be sent while a
 * secret is rotated; the comparison takes constant time. Machines that post to GovGrid
 * sign this way (the video-AI webhook, IoT devices; ADR 0009), and so do GovGrid's own
 * outgoing webhooks.
 */
public final class RequestSignature {

	public static final String HEADER = "X-GovGrid-Signature";

	private RequestSignature() {
	}

	/**
	 * Whether {@code header} signs {@code body} with {@code secret} within the tolerance.
	 */
	public static boolean verify(String header, byte[] body, String secret, Instant now, Duration tolerance) {
		if (header == null || header.isBlank() || secret.isBlank()) {
			return false;
		}
		Long timestamp = null;
		List<byte[]> signatures = new ArrayList<>();
		for (String part : header.split(",")) {
			String[] pair = part.strip().split("=", 2);
			if (pair.length != 2) {
				return false;
			}
			try {
				if (pair[0].equals("t")) {
					timestamp = Long.parseLong(pair[1]);
				}
				else if (pair[0].equals("v1")) {
					signatures.add(HexFormat.of().parseHex(pair[1]));
				}
			}
			catch (IllegalArgumentException ex) {
				return false;
			}
		}
		if (timestamp == null || signatures.isEmpty()
				|| Math.abs(now.getEpochSecond() - timestamp) > tolerance.toSeconds()) {
			return false;
		}
		byte[] expected = sign(secret, timestamp, body);
		boolean match = false;
		for (byte[] signature : signatures) {
			// no early exit: every entry is compared whatever the first gave
			match |= MessageDigest.isEqual(expected, signature);
		}
		return match;
	}

	public static byte[] sign(String secret, long timestamp, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
			return mac.doFinal(body);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
