package org.govgrid.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdentifierKeyFileTests {

	private static final CryptoProperties NONE = new CryptoProperties("", "", "", "");

	private final SecureRandom random = new SecureRandom();

	@TempDir
	Path root;

	@Test
	void aDemoKeepsItsNewKeysBesideTheDataDirNeverInside() throws Exception {
		Path data = Files.createDirectories(this.root.resolve("data"));
		CryptoProperties keys = IdentifierKeyFile.read(NONE, data, true, this.random);
		Path file = this.root.resolve("data-keys").resolve("identifier-keys.properties");
		assertThat(keys.keyFile()).isEqualTo(file.toString());
		assertThat(keys.keys()).startsWith("k1:");
		assertThat(keys.hmacKey()).isNotBlank();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
			.isEqualTo("rwx------");
		try (var inside = Files.walk(data)) {
			assertThat(inside.filter(Files::isRegularFile)).isEmpty();
		}
		// the next start reads the same keys
		assertThat(IdentifierKeyFile.read(NONE, data, true, this.random)).isEqualTo(keys);
	}

	@Test
	void aProductionStartWithoutKeysRefusesNamingTheSettings() {
		Path data = this.root.resolve("prod-data");
		assertThatThrownBy(() -> IdentifierKeyFile.read(NONE, data, false, this.random))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("GOVGRID_CRYPTO_KEYS")
			.hasMessageContaining("GOVGRID_CRYPTO_HMAC_KEY")
			.hasMessageContaining("GOVGRID_CRYPTO_KEY_FILE");
		assertThat(this.root.resolve("prod-data-keys")).doesNotExist();
	}

	@Test
	void aNamedKeyFileIsCreatedOnFirstStartInProductionToo() {
		Path named = this.root.resolve("vault").resolve("govgrid.keys");
		CryptoProperties keys = IdentifierKeyFile.read(new CryptoProperties("", "", "", named.toString()),
				this.root.resolve("data"), false, this.random);
		assertThat(named).exists();
		assertThat(keys.keys()).startsWith("k1:");
	}

	@Test
	void aKeyFileThatOlderVersionsKeptInsideTheDataDirIsMovedOut() throws Exception {
		Path data = this.root.resolve("old-data");
		Path legacy = IdentifierKeyFile.legacyLocation(data);
		Files.createDirectories(legacy.getParent());
		Files.writeString(legacy,
				"keys=k1:" + "A".repeat(43) + "=\nactive-key-id=k1\nhmac-key=" + "B".repeat(43) + "=\n");
		CryptoProperties keys = IdentifierKeyFile.read(NONE, data, false, this.random);
		assertThat(keys.keys()).isEqualTo("k1:" + "A".repeat(43) + "=");
		assertThat(legacy).doesNotExist();
		assertThat(legacy.getParent()).doesNotExist();
		assertThat(IdentifierKeyFile.defaultLocation(data)).exists();
	}

}
