package org.govgrid.files;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.govgrid.platform.GovGridProperties;
import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiClient.Response;
import org.govgrid.support.ApiIntegrationTest;
import org.govgrid.support.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 21 item 3: an upload onto a full disk answers 507 and leaves no file, no partial
 * file and no row, whether the free-space reserve refuses it before writing or the disk
 * fills up in the middle of a write ("No space left on device", played through the
 * store's {@link LocalFileStore.Disk} seam on the real data dir).
 */
class DiskFullIT extends ApiIntegrationTest {

	static final String GRID = "320505006001001";

	@Autowired
	LocalFileStore store;

	@Autowired
	GovGridProperties properties;

	@AfterEach
	void realDiskAgain() {
		this.store.writeThrough(LocalFileStore.REAL_DISK);
	}

	@Test
	void belowTheFreeSpaceReserveAnUploadAnswers507AndKeepsNothing() throws Exception {
		ApiClient worker = this.accounts.signedIn(this.port, "GRID_WORKER", GRID);
		long uploader = worker.get("/api/v1/auth/me").json().path("id").asLong();
		List<Path> before = storedFiles();
		long reserve = this.store.minFreeBytes();
		Response refused;
		// a reserve larger than any disk: the disk is "full" for this upload
		this.store.minFreeBytes(Long.MAX_VALUE / 2);
		try {
			refused = worker.upload("/api/v1/files", "reserve.jpg", TestImages.jpg(320, 240));
		}
		finally {
			this.store.minFreeBytes(reserve);
		}

		assertFull(refused);
		assertThat(storedFiles()).isEqualTo(before);
		assertThat(rowsOf(uploader)).isZero();
		assertThat(worker.upload("/api/v1/files", "reserve.jpg", TestImages.jpg(320, 240)).status())
			.as("room again: stored")
			.isEqualTo(201);
		assertThat(rowsOf(uploader)).isOne();
	}

	@Test
	void aDiskThatFillsUpDuringTheWriteAnswers507AndLeavesNoPartialFileOrRow() throws Exception {
		ApiClient worker = this.accounts.signedIn(this.port, "GRID_WORKER", GRID);
		long uploader = worker.get("/api/v1/auth/me").json().path("id").asLong();
		byte[] photo = TestImages.jpg(640, 480);
		assertThat(photo.length).isGreaterThan(4096);
		List<Path> before = storedFiles();
		AtomicInteger partials = new AtomicInteger();

		// the photo itself: 4 KB reach the disk, then it is full
		this.store.writeThrough(fillsUpAfter(4096, 0, partials));
		assertFull(worker.upload("/api/v1/files", "midwrite.jpg", photo));
		// the photo is whole, its thumbnail meets the full disk: the photo goes too
		this.store.writeThrough(fillsUpAfter(512, 1, partials));
		assertFull(worker.upload("/api/v1/files", "thumbnail.jpg", photo));
		this.store.writeThrough(LocalFileStore.REAL_DISK);

		assertThat(partials).as("partial files were written, then removed").hasValue(2);
		assertThat(storedFiles()).as("no file, no .part left").isEqualTo(before);
		assertThat(rowsOf(uploader)).isZero();
		Response stored = worker.upload("/api/v1/files", "midwrite.jpg", photo);
		assertThat(stored.status()).as(stored.body()).isEqualTo(201);
		assertThat(worker.download(stored.json().path("url").asString())).hasSize(photo.length);
	}

	private static void assertFull(Response refused) {
		assertThat(refused.status()).as(refused.body()).isEqualTo(507);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.problemType()).isEqualTo("https://govgrid.org/problems/insufficient-storage");
		assertThat(refused.body()).doesNotContain("No space left", "Exception", "bytes");
	}

	/**
	 * The real disk, except that the write of file number {@code failingFile} (0 the
	 * first opened) fails with the JDK's ENOSPC message once {@code limit} bytes of it
	 * are on the disk.
	 */
	private static LocalFileStore.Disk fillsUpAfter(int limit, int failingFile, AtomicInteger partials) {
		AtomicInteger opened = new AtomicInteger();
		return file -> {
			OutputStream real = LocalFileStore.REAL_DISK.create(file);
			if (opened.getAndIncrement() != failingFile) {
				return real;
			}
			return new FilterOutputStream(real) {

				private long written;

				@Override
				public void write(byte[] bytes, int offset, int length) throws IOException {
					int room = (int) Math.max(0, Math.min(length, limit - this.written));
					this.out.write(bytes, offset, room);
					this.written += room;
					if (room < length) {
						this.out.flush();
						if (Files.size(file) > 0) {
							partials.incrementAndGet();
						}
						throw new IOException("No space left on device");
					}
				}

				@Override
				public void write(int b) throws IOException {
					write(new byte[] { (byte) b }, 0, 1);
				}

			};
		};
	}

	private long rowsOf(long uploader) {
		return this.jdbc.queryForObject("select count(*) from stored_file where uploaded_by = ?", Long.class, uploader);
	}

	/** Every file under the store, .part files included, sorted. */
	private List<Path> storedFiles() throws IOException {
		Path root = this.properties.dataDir().resolve("files");
		if (!Files.exists(root)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter(Files::isRegularFile).sorted().toList();
		}
	}

}
