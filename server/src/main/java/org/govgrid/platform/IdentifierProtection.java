package org.govgrid.platform;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Personal identifiers (ID numbers, phones) at rest (PIPL §28, DESIGN §5): AES-256-GCM
 * with a random 96-bit nonce under the active key, the key's id stored beside the
 * ciphertext so keys can be rotated (old rows stay readable while any key that sealed
 * them is configured), and an HMAC-SHA256 for exact lookup that never reveals the value.
 * <p>
 * Keys come from {@code govgrid.crypto.*}, or from a key file kept outside the data dir
 * ({@link IdentifierKeyFile}); a fresh demo creates its own.
 */
@Component
public class IdentifierProtection {

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecureRandom random = new SecureRandom();

	private final Map<String, SecretKeySpec> keys;

	private final String activeKeyId;

	private final SecretKeySpec hmacKey;

	/** A sealed value: the key's id and {@code nonce ‖ ciphertext ‖ tag}. */
	public record Sealed(String keyId, byte[] cipherText) {
	}

	public IdentifierProtection(CryptoProperties properties, GovGridProperties govgrid, Environment environment) {
		CryptoProperties effective = properties.keys().isBlank() ? IdentifierKeyFile.read(properties, govgrid.dataDir(),
				environment.matchesProfiles("demo"), this.random) : properties;
		this.keys = parseKeys(effective.keys());
		this.activeKeyId = effective.activeKeyId().isBlank() ? this.keys.keySet().iterator().next()
				: effective.activeKeyId();
		if (!this.keys.containsKey(this.activeKeyId)) {
			throw new IllegalStateException("govgrid.crypto.active-key-id names no configured key");
		}
		this.hmacKey = new SecretKeySpec(decode(effective.hmacKey(), "govgrid.crypto.hmac-key"), "HmacSHA256");
	}

	public Sealed seal(String value) {
		return seal(value.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Seals any bytes (an uploaded file full of identifiers) as {@link #seal(String)}.
	 */
	public Sealed seal(byte[] value) {
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			this.random.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.keys.get(this.activeKeyId), new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(this.activeKeyId.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(value);
			return new Sealed(this.activeKeyId,
					ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("cannot encrypt an identifier", ex);
		}
	}

	public String open(String keyId, byte[] cipherText) {
		return new String(openBytes(keyId, cipherText), StandardCharsets.UTF_8);
	}

	public byte[] openBytes(String keyId, byte[] cipherText) {
		SecretKeySpec key = this.keys.get(keyId);
		if (key == null) {
			throw new IllegalStateException("no key with id " + keyId + " is configured");
		}
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, cipherText, 0, NONCE_BYTES));
			cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
			return cipher.doFinal(cipherText, NONCE_BYTES, cipherText.length - NONCE_BYTES);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("cannot decrypt an identifier", ex);
		}
	}

	/**
	 * Sealed as one text value, {@code keyId:base64}, for JSON documents and text
	 * columns.
	 */
	public String sealText(String value) {
		Sealed sealed = seal(value);
		return sealed.keyId() + ":" + Base64.getEncoder().encodeToString(sealed.cipherText());
	}

	/** Opens a value sealed by {@link #sealText}. */
	public String openText(String sealed) {
		String[] parts = sealed.split(":", 2);
		if (parts.length != 2) {
			throw new IllegalStateException("not a sealed value");
		}
		return open(parts[0], Base64.getDecoder().decode(parts[1]));
	}

	/**
	 * Whether a text column holds a sealed value rather than one written in clear by an
	 * older version.
	 */
	public static boolean isSealedText(String value) {
		return value != null && value.indexOf(':') > 0;
	}

	/**
	 * The keyed hash for exact lookup; identifiers are normalised (trimmed, upper case)
	 * so {@code x} and {@code X} match.
	 */
	public byte[] hash(String value) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.hmacKey);
			return mac.doFinal(normalise(value).getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("cannot hash an identifier", ex);
		}
	}

	public static String normalise(String value) {
		return value.strip().toUpperCase(java.util.Locale.ROOT);
	}

	private static Map<String, SecretKeySpec> parseKeys(String spec) {
		Map<String, SecretKeySpec> parsed = new LinkedHashMap<>();
		for (String entry : spec.split(",")) {
			String[] parts = entry.strip().split(":", 2);
			if (parts.length != 2 || parts[0].isBlank()) {
				throw new IllegalStateException("govgrid.crypto.keys must be id:base64,id:base64");
			}
			byte[] key = decode(parts[1], "govgrid.crypto.keys");
			if (key.length != 32) {
				throw new IllegalStateException("identifier keys must be 256 bits");
			}
			parsed.put(parts[0].strip(), new SecretKeySpec(key, "AES"));
		}
		return parsed;
	}

	private static byte[] decode(String base64, String property) {
		try {
			return Base64.getDecoder().decode(base64.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(property + " is not base64");
		}
	}

}
