package org.govgrid.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.govgrid.platform.GovGridProperties;

import org.springframework.stereotype.Component;

/**
 * Files under {@code <data dir>/files}, written to a temporary name first so a crash
 * leaves no half file.
 */
@Component
class LocalFileStore implements FileStore {

	private final Path root;

	LocalFileStore(GovGridProperties properties) {
		this.root = properties.dataDir().resolve("files").toAbsolutePath().normalize();
	}

	@Override
	public void put(String key, InputStream content) throws IOException {
		Path target = resolve(key);
		Files.createDirectories(target.getParent());
		Path temporary = target.resolveSibling(target.getFileName() + ".part");
		Files.copy(content, temporary, StandardCopyOption.REPLACE_EXISTING);
		Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
	}

	@Override
	public InputStream open(String key) throws IOException {
		return Files.newInputStream(resolve(key));
	}

	@Override
	public void delete(String key) throws IOException {
		Files.deleteIfExists(resolve(key));
	}

	private Path resolve(String key) {
		Path path = this.root.resolve(key).normalize();
		if (!path.startsWith(this.root)) {
			throw new IllegalArgumentException("storage key outside the store");
		}
		return path;
	}

}
