package org.govgrid.files;

import java.security.MessageDigest;
import java.util.HexFormat;

import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiIntegrationTest;
import org.govgrid.support.ApiClient.Response;
import org.govgrid.support.TestImages;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads over real HTTP into the data dir: sniffing, checksum, thumbnail, scope,
 * attachment.
 */
class FilesIT extends ApiIntegrationTest {

	@Test
	void aPhotoIsStoredChecksummedThumbnailedAndServedAsAnAttachment() throws Exception {
		ApiClient worker = this.accounts.signedIn(this.port, "GRID_WORKER", "320505006001001");
		byte[] photo = TestImages.jpg(1920, 1080);

		Response uploaded = worker.upload("/api/v1/files", "井盖破损 现场.jpg", photo);

		assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
		JsonNode file = uploaded.json();
		assertThat(file.path("contentType").asString()).isEqualTo("image/jpeg");
		assertThat(file.path("size").asLong()).isEqualTo(photo.length);
		assertThat(file.path("sha256").asString())
			.isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(photo)));
		assertThat(file.path("width").asInt()).isEqualTo(1920);
		assertThat(file.path("height").asInt()).isEqualTo(1080);
		assertThat(file.path("name").asString()).isEqualTo("井盖破损 现场.jpg");

		String url = file.path("url").asString();
		Response download = worker.get(url);
		assertThat(download.status()).isEqualTo(200);
		assertThat(download.header("Content-Disposition")).startsWith("attachment;").contains("filename*=UTF-8''");
		assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(worker.download(url)).isEqualTo(photo);

		Response thumbnail = worker.get(file.path("thumbnailUrl").asString());
		assertThat(thumbnail.status()).isEqualTo(200);
		assertThat(thumbnail.contentType()).isEqualTo("image/jpeg");
		byte[] small = worker.download(file.path("thumbnailUrl").asString());
		java.awt.image.BufferedImage preview = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(small));
		assertThat(preview.getWidth()).isEqualTo(320);
		assertThat(preview.getHeight()).isEqualTo(180);
	}

	@Test
	void theTypeIsTakenFromTheContentNotTheName() {
		ApiClient worker = this.accounts.signedIn(this.port, "GRID_WORKER", "320505006001001");
		long before = count();
		Response script = worker.upload("/api/v1/files", "photo.jpg",
				"<script>alert(1)</script>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(script.status()).isEqualTo(400);
		assertThat(script.errorFields()).containsExactly("file");
		Response brokenJpeg = worker.upload("/api/v1/files", "broken.jpg",
				new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 });
		assertThat(brokenJpeg.status()).isEqualTo(400);
		assertThat(brokenJpeg.errorFields()).containsExactly("file");
		Response empty = worker.upload("/api/v1/files", "empty.png", new byte[0]);
		assertThat(empty.errorFields()).containsExactly("file");
		assertThat(count()).isEqualTo(before);

		Response png = worker.upload("/api/v1/files", "named-as.pdf", TestImages.png(10, 10));
		assertThat(png.status()).isEqualTo(201);
		assertThat(png.json().path("contentType").asString()).isEqualTo("image/png");
		Response pdf = worker.upload("/api/v1/files", "report.pdf",
				"%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"
					.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(pdf.status()).isEqualTo(201);
		assertThat(pdf.json().path("thumbnailUrl").isNull()).isTrue();
		assertThat(worker.get(pdf.json().path("url").asString() + "/thumbnail").status()).isEqualTo(404);
	}

	@Test
	void filesAreVisibleWithinTheScopeOnly() {
		ApiClient worker = this.accounts.signedIn(this.port, "GRID_WORKER", "320505006001001");
		String url = worker.upload("/api/v1/files", "a.png", TestImages.png(20, 20)).json().path("url").asString();
		ApiClient chief = this.accounts.signedIn(this.port, "GRID_CHIEF", "320505006001");
		ApiClient neighbour = this.accounts.signedIn(this.port, "GRID_WORKER", "320505006001002");
		ApiClient otherTown = this.accounts.signedIn(this.port, "CENTER_STAFF", "320505007");
		assertThat(chief.get(url).status()).isEqualTo(200);
		assertThat(neighbour.get(url).status()).isEqualTo(404);
		assertThat(otherTown.get(url).status()).isEqualTo(404);
		assertThat(new ApiClient(this.port).get(url).status()).isEqualTo(401);
	}

	/**
	 * So that a phone's video can seek: one byte range is 206 with exactly those bytes.
	 */
	@Test
	void aDownloadAnswersByteRanges() throws Exception {
		ApiClient worker = this.accounts.signedIn(this.port, "GRID_WORKER", "320505006001001");
		byte[] photo = TestImages.jpg(640, 480);
		String url = worker.upload("/api/v1/files", "range.jpg", photo).json().path("url").asString();

		java.net.http.HttpResponse<byte[]> first = ranged(worker, url, "bytes=0-99");
		assertThat(first.statusCode()).isEqualTo(206);
		assertThat(first.body()).isEqualTo(java.util.Arrays.copyOfRange(photo, 0, 100));
		assertThat(first.headers().firstValue("Content-Range")).hasValue("bytes 0-99/" + photo.length);
		assertThat(first.headers().firstValue("Content-Length")).hasValue("100");
		assertThat(first.headers().firstValue("Accept-Ranges")).hasValue("bytes");

		java.net.http.HttpResponse<byte[]> tail = ranged(worker, url, "bytes=-10");
		assertThat(tail.statusCode()).isEqualTo(206);
		assertThat(tail.body()).isEqualTo(java.util.Arrays.copyOfRange(photo, photo.length - 10, photo.length));
		java.net.http.HttpResponse<byte[]> open = ranged(worker, url, "bytes=" + (photo.length - 5) + "-");
		assertThat(open.body()).hasSize(5);

		assertThat(ranged(worker, url, "bytes=" + photo.length + "-").statusCode()).isEqualTo(416);
		java.net.http.HttpResponse<byte[]> whole = ranged(worker, url, null);
		assertThat(whole.statusCode()).isEqualTo(200);
		assertThat(whole.body()).isEqualTo(photo);
		assertThat(whole.headers().firstValue("Accept-Ranges")).hasValue("bytes");
		// out of scope is still 404, range or not
		ApiClient otherTown = this.accounts.signedIn(this.port, "CENTER_STAFF", "320505007");
		assertThat(ranged(otherTown, url, "bytes=0-99").statusCode()).isEqualTo(404);
	}

	private java.net.http.HttpResponse<byte[]> ranged(ApiClient client, String url, String range) throws Exception {
		java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest
			.newBuilder(java.net.URI.create("http://localhost:" + this.port + url))
			.header("Cookie", "GOVGRID_SESSION=" + client.sessionCookie());
		if (range != null) {
			request.header("Range", range);
		}
		return java.net.http.HttpClient.newHttpClient()
			.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
	}

	private long count() {
		Long count = this.jdbc.queryForObject("select count(*) from stored_file", Long.class);
		return count == null ? 0 : count;
	}

}
