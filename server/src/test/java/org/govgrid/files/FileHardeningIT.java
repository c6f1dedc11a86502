package org.govgrid.files;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.govgrid.platform.GovGridProperties;
import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiClient.Response;
import org.govgrid.support.ApiIntegrationTest;
import org.govgrid.support.TestImages;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The security review's file findings (issue 21 item 5): decompression bombs refused from
 * the header, ISO BMFF brands told apart, EXIF GPS and device data never stored, EXIF
 * orientation honoured in thumbnails.
 */
class FileHardeningIT extends ApiIntegrationTest {

	@Autowired
	GovGridProperties properties;

	@Test
	void aGigapixelPngIsRefusedFromItsHeaderLeavingNothingBehind() throws IOException {
		ApiClient worker = this.accounts.signedIn(this.port, "GRID_WORKER", "320505006001001");
		byte[] bomb = HostileImages.bombPng(46_000, 46_000);
		assertThat(bomb.length).as("small on the wire").isLessThan(2_000_000);
		long rows = count();
		long stored = storedFiles();

		Response refused = worker.upload("/api/v1/files", "bomb.png", bomb);

		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat(refused.errorFields()).containsExactly("file");
		assertThat(refused.body()).contains("pixels");
		assertThat(count()).isEqualTo(rows);
		assertThat(storedFiles()).isEqualTo(stored);
		// still healthy: an ordinary photo goes through right after
		assertThat(worker.upload("/api/v1/files", "ok.png", TestImages.png(40, 30)).status()).isEqualTo(201);
		assertThat(new ApiClient(this.port).get("/actuator/health").status()).isEqualTo(200);
	}

	@Test
	void heifAndQuickTimeAreNotTakenForMp4() {
		ApiClient worker = this.accounts.signedIn(this.port, "GRID_WORKER", "320505006001001");
		long rows = count();
		for (String brand : new String[] { "heic", "heix", "mif1", "msf1" }) {
			Response heif = worker.upload("/api/v1/files", "IMG_0001.HEIC", HostileImages.ftyp(brand));
			assertThat(heif.status()).as(brand).isEqualTo(400);
			assertThat(heif.errorFields()).containsExactly("file");
			assertThat(heif.body()).as(brand).contains("HEIF").contains("jpg");
		}
		Response mov = worker.upload("/api/v1/files", "clip.mov", HostileImages.ftyp("qt  "));
		assertThat(mov.status()).isEqualTo(400);
		assertThat(mov.errorFields()).containsExactly("file");
		assertThat(mov.body()).contains("QuickTime").contains("mp4");
		Response unknown = worker.upload("/api/v1/files", "clip.3gp", HostileImages.ftyp("3gp5"));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(count()).isEqualTo(rows);
	}

	@Test
	void storedPhotosKeepNoGpsOrDeviceData() throws IOException {
		ApiClient worker = this.accounts.signedIn(this.port, "GRID_WORKER", "320505006001001");
		byte[] plain = TestImages.jpg(64, 48);
		byte[] photo = HostileImages.withExif(plain, 1);
		assertThat(HostileImages.contains(photo, "GovGridCam")).isTrue();

		Response uploaded = worker.upload("/api/v1/files", "gps.jpg", photo);

		assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
		byte[] original = worker.download(uploaded.json().path("url").asString());
		assertThat(HostileImages.contains(original, "Exif")).isFalse();
		assertThat(HostileImages.contains(original, "GovGridCam")).isFalse();
		assertThat(HostileImages.contains(original, "http://ns.adobe.com/xap")).isFalse();
		// the picture itself is untouched: exactly the bytes without the two segments
		assertThat(original).isEqualTo(plain);
		assertThat(uploaded.json().path("size").asLong()).isEqualTo(plain.length);
		assertThat(ImageIO.read(new ByteArrayInputStream(original)).getWidth()).isEqualTo(64);
	}

	/**
	 * A phone held upright writes landscape pixels and orientation 6 (turn 90°
	 * clockwise): the thumbnail and the dimensions are the photo as seen, and the
	 * original keeps only the orientation tag.
	 */
	@Test
	void thumbnailsHonourTheExifOrientation() throws IOException {
		ApiClient worker = this.accounts.signedIn(this.port, "GRID_WORKER", "320505006001001");
		byte[] photo = HostileImages.withExif(TestImages.jpg(640, 480), 6);

		Response uploaded = worker.upload("/api/v1/files", "upright.jpg", photo);

		assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
		JsonNode file = uploaded.json();
		assertThat(file.path("width").asInt()).isEqualTo(480);
		assertThat(file.path("height").asInt()).isEqualTo(640);
		BufferedImage thumbnail = ImageIO
			.read(new ByteArrayInputStream(worker.download(file.path("thumbnailUrl").asString())));
		assertThat(thumbnail.getWidth()).isEqualTo(240);
		assertThat(thumbnail.getHeight()).isEqualTo(320);
		byte[] original = worker.download(file.path("url").asString());
		assertThat(HostileImages.contains(original, "GovGridCam")).isFalse();
		assertThat(JpegSegments.orientation(original)).isEqualTo(6);
	}

	private long count() {
		Long count = this.jdbc.queryForObject("select count(*) from stored_file", Long.class);
		return count == null ? 0 : count;
	}

	private long storedFiles() throws IOException {
		Path root = this.properties.dataDir().resolve("files");
		if (!Files.exists(root)) {
			return 0;
		}
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter(Files::isRegularFile).count();
		}
	}

}
