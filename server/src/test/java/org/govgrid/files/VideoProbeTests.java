package org.govgrid.files;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import org.govgrid.support.TestVideos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** 标准 7.3.2d: 1080p at 25 fps; larger or at another rate is flagged with the reason. */
class VideoProbeTests {

	@ParameterizedTest(name = "{0}×{1} at {2} fps: {3}")
	@CsvSource({ "1920, 1080, 25.0, true", "1080, 1920, 25.0, true", "1280, 720, 25.0, true", "3840, 2160, 25.0, false",
			"1920, 1080, 30.0, false", "1280, 720, 29.97, false" })
	void judgesAgainst1080p25(int width, int height, double fps, boolean compliant) {
		StoredFileView.Video video = VideoProbe.assess(width, height, fps, 1000L);
		assertThat(video.compliant()).isEqualTo(compliant);
		if (compliant) {
			assertThat(video.note()).isNull();
		}
		else {
			assertThat(video.note()).startsWith("not 1080p25 (标准 7.3.2d): ");
		}
	}

	@Test
	void readsARealMp4AndRefusesAnEmptyOne() throws IOException {
		StoredFileView.Video video = VideoProbe.probe(new ByteArrayInputStream(TestVideos.mp4(320, 240, 30, 6)))
			.orElseThrow();
		assertThat(video.width()).isEqualTo(320);
		assertThat(video.height()).isEqualTo(240);
		assertThat(video.frameRate()).isEqualTo(30.0);
		assertThat(video.durationMs()).isEqualTo(200);
		assertThat(VideoProbe.probe(new ByteArrayInputStream(new byte[] { 0, 0, 0, 8, 'f', 't', 'y', 'p' }))).isEmpty();
	}

}
