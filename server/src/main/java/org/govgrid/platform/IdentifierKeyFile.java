package org.govgrid.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the identifier keys live when they are not given as settings: a key file kept
 * <em>outside</em> the data dir (by default beside it, {@code <data dir>-keys/}), so that
 * a copy or a backup of the data dir never carries the keys that unseal it. A demo, or a
 * named {@code govgrid.crypto.key-file}, creates the file on first start; a production
 * start with neither keys nor a key file refuses to start, naming the settings. A key
 * file that older versions created inside the data dir is moved out.
 */
final class IdentifierKeyFile {

	private static final Logger log = LoggerFactory.getLogger(IdentifierKeyFile.class);

	static final String FILE_NAME = "identifier-keys.properties";

	private IdentifierKeyFile() {
	}

	/** The default place: a directory beside the data dir. */
	static Path defaultLocation(Path dataDir) {
		Path data = dataDir.toAbsolutePath().normalize();
		Path name = data.getFileName();
		Path parent = data.getParent() == null ? data : data.getParent();
		return parent.resolve((name == null ? "govgrid" : name.toString()) + "-keys").resolve(FILE_NAME);
	}

	/** Where versions before 2026-12 kept the file: inside the data dir. */
	static Path legacyLocation(Path dataDir) {
		return dataDir.toAbsolutePath().normalize().resolve("secrets").resolve(FILE_NAME);
	}

	static CryptoProperties read(CryptoProperties settings, Path dataDir, boolean demo, SecureRandom random) {
		boolean named = !settings.keyFile().isBlank();
		Path file = named ? Path.of(settings.keyFile()).toAbsolutePath().normalize() : defaultLocation(dataDir);
		Path legacy = legacyLocation(dataDir);
		try {
			if (!Files.exists(file) && Files.exists(legacy)) {
				moveOut(legacy, file);
			}
			if (!Files.exists(file)) {
				if (!demo && !named) {
					throw new IllegalStateException("No keys for personal identifiers: set GOVGRID_CRYPTO_KEYS, "
							+ "GOVGRID_CRYPTO_ACTIVE_KEY_ID and GOVGRID_CRYPTO_HMAC_KEY (govgrid.crypto.*), or name a key "
							+ "file kept outside the data dir with GOVGRID_CRYPTO_KEY_FILE (created on first start). "
							+ "See docs/security.md, key custody.");
				}
				create(file, random);
			}
			Properties stored = new Properties();
			try (var in = Files.newInputStream(file)) {
				stored.load(in);
			}
			return new CryptoProperties(stored.getProperty("keys", ""), stored.getProperty("active-key-id", ""),
					stored.getProperty("hmac-key", ""), file.toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void moveOut(Path legacy, Path file) throws IOException {
		Files.createDirectories(file.getParent());
		ownerOnly(file.getParent(), "rwx------");
		Files.move(legacy, file, StandardCopyOption.ATOMIC_MOVE);
		try {
			Files.deleteIfExists(legacy.getParent());
		}
		catch (IOException ex) {
			// something else lives there: leave the directory
		}
		log.warn("Moved the identifier key file out of the data dir to {}: back it up apart from the database", file);
	}

	private static void create(Path file, SecureRandom random) throws IOException {
		Files.createDirectories(file.getParent());
		ownerOnly(file.getParent(), "rwx------");
		Properties stored = new Properties();
		stored.setProperty("keys", "k1:" + randomKey(random));
		stored.setProperty("active-key-id", "k1");
		stored.setProperty("hmac-key", randomKey(random));
		Files.createFile(file);
		ownerOnly(file, "rw-------");
		try (var out = Files.newOutputStream(file)) {
			stored.store(out, "GovGrid identifier keys: keep apart from the database and its backups");
		}
		log.warn("No govgrid.crypto keys configured: created {} (outside the data dir); keep it apart from the "
				+ "database backups, without it the identifiers cannot be read", file);
	}

	private static void ownerOnly(Path path, String permissions) throws IOException {
		try {
			Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
		}
		catch (UnsupportedOperationException ex) {
			// not a POSIX file system; the parent's permissions apply
		}
	}

	private static String randomKey(SecureRandom random) {
		byte[] key = new byte[32];
		random.nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

}
