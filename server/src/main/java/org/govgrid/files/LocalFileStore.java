package org.govgrid.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

import org.govgrid.platform.GovGridProperties;
import org.govgrid.platform.InsufficientStorageException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Files under {@code <data dir>/files}, written to a temporary name first so a crash
 * leaves no half file. A full disk is refused before writing when the free space would
 * fall below {@code govgrid.files.min-free-bytes} (the database, its WAL and the logs
 * usually share the disk and must not be starved by uploads), and recognised while
 * writing ("No space left on device"): either way the temporary file is removed and the
 * caller gets an {@link InsufficientStorageException} (507).
 */
@Component
class LocalFileStore implements FileStore {

	/**
	 * How a file is opened for writing: the seam a test uses to play a disk filling up.
	 */
	interface Disk {

		OutputStream create(Path file) throws IOException;

	}

	static final Disk REAL_DISK = file -> Files.newOutputStream(file, StandardOpenOption.CREATE,
			StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);

	private final Path root;

	private volatile long minFreeBytes;

	private volatile Disk disk = REAL_DISK;

	LocalFileStore(GovGridProperties properties,
			@Value("${govgrid.files.min-free-bytes:256MB}") DataSize minFreeBytes) {
		this.root = properties.dataDir().resolve("files").toAbsolutePath().normalize();
		this.minFreeBytes = minFreeBytes.toBytes();
	}

	@Override
	public void put(String key, InputStream content, long size) throws IOException {
		Path target = resolve(key);
		Files.createDirectories(target.getParent());
		long usable = Files.getFileStore(target.getParent()).getUsableSpace();
		if (usable - Math.max(size, 0) < this.minFreeBytes) {
			throw new InsufficientStorageException(
					"free space " + usable + " bytes, " + size + " to write, reserve " + this.minFreeBytes + " bytes");
		}
		Path temporary = target.resolveSibling(target.getFileName() + ".part");
		try {
			try (OutputStream out = this.disk.create(temporary)) {
				content.transferTo(out);
			}
			Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(temporary);
			if (ex instanceof IOException io && noSpaceLeft(io)) {
				throw new InsufficientStorageException("disk full while writing " + size + " bytes", io);
			}
			throw ex;
		}
	}

	@Override
	public InputStream open(String key) throws IOException {
		return Files.newInputStream(resolve(key));
	}

	@Override
	public void delete(String key) throws IOException {
		Files.deleteIfExists(resolve(key));
	}

	/**
	 * The free space every write must leave; tests raise it to play a full disk.
	 */
	void minFreeBytes(long bytes) {
		this.minFreeBytes = bytes;
	}

	long minFreeBytes() {
		return this.minFreeBytes;
	}

	/**
	 * Writes through {@code disk} from now on; tests only ({@link #REAL_DISK} undoes).
	 */
	void writeThrough(Disk disk) {
		this.disk = disk;
	}

	/**
	 * ENOSPC (or EDQUOT) as the JDK reports it: the OS error's text, in the exception or
	 * one of its causes.
	 */
	static boolean noSpaceLeft(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
			String message = t.getMessage();
			if (message != null
					&& (message.contains("No space left on device") || message.contains("Disk quota exceeded"))) {
				return true;
			}
		}
		return false;
	}

	private Path resolve(String key) {
		Path path = this.root.resolve(key).normalize();
		if (!path.startsWith(this.root)) {
			throw new IllegalArgumentException("storage key outside the store");
		}
		return path;
	}

}
