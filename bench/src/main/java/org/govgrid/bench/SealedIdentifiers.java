package org.govgrid.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Properties;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * ID numbers and phones sealed exactly as the server's {@code IdentifierProtection} does,
 * with the keys the server created beside its data dir ({@code <data dir>-keys/identifier-keys.properties}):
 * AES-256-GCM under the active key with a random 96-bit nonce and the key id as associated
 * data, stored as {@code nonce ‖ ciphertext ‖ tag} beside the key id; HMAC-SHA256 of the
 * trimmed, upper-cased value for exact lookup; masked forms as {@code Masking} writes them.
 */
final class SealedIdentifiers {

	private final SecureRandom random = new SecureRandom();

	private final String keyId;

	private final SecretKeySpec key;

	private final SecretKeySpec hmacKey;

	private SealedIdentifiers(String keyId, byte[] key, byte[] hmacKey) {
		this.keyId = keyId;
		this.key = new SecretKeySpec(key, "AES");
		this.hmacKey = new SecretKeySpec(hmacKey, "HmacSHA256");
	}

	static SealedIdentifiers fromDataDir(Path dataDir) throws IOException {
		Path data = dataDir.toAbsolutePath().normalize();
		Path file = data.resolveSibling(data.getFileName() + "-keys").resolve("identifier-keys.properties");
		if (!Files.exists(file)) {
			throw new IllegalStateException(file + " not found: start the server once with this data dir first "
					+ "(or it runs with keys from GOVGRID_CRYPTO_*, which this generator does not read)");
		}
		Properties properties = new Properties();
		try (InputStream in = Files.newInputStream(file)) {
			properties.load(in);
		}
		String active = properties.getProperty("active-key-id", "").strip();
		byte[] key = null;
		for (String entry : properties.getProperty("keys", "").split(",")) {
			String[] parts = entry.strip().split(":", 2);
			if (parts.length == 2 && (active.isEmpty() || parts[0].strip().equals(active))) {
				active = parts[0].strip();
				key = Base64.getDecoder().decode(parts[1].strip());
				break;
			}
		}
		if (key == null) {
			throw new IllegalStateException("no active key in " + file);
		}
		return new SealedIdentifiers(active, key,
				Base64.getDecoder().decode(properties.getProperty("hmac-key", "").strip()));
	}

	String keyId() {
		return this.keyId;
	}

	byte[] seal(String value) {
		try {
			byte[] nonce = new byte[12];
			this.random.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(128, nonce));
			cipher.updateAAD(this.keyId.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
			return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	byte[] hash(String value) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.hmacKey);
			return mac.doFinal(value.strip().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String maskIdNumber(String idNumber) {
		return idNumber.substring(0, 3) + "*".repeat(idNumber.length() - 7) + idNumber.substring(idNumber.length() - 4);
	}

	static String maskPhone(String phone) {
		return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
	}

}
