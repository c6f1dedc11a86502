package org.govgrid.support;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jcodec.api.awt.AWTSequenceEncoder;
import org.mp4parser.Box;
import org.mp4parser.Container;
import org.mp4parser.boxes.iso14496.part12.TrackRunBox;
import org.mp4parser.muxer.builder.DefaultFragmenterImpl;
import org.mp4parser.muxer.builder.FragmentedMp4Builder;
import org.mp4parser.muxer.container.mp4.MovieCreator;

/**
 * Real H.264 videos made by the tests themselves with a pure-Java encoder (jcodec), so
 * nothing but Maven Central is needed: an mp4 of a given size and frame rate, and an HLS
 * stream (fMP4 segments cut from one by mp4parser).
 */
public final class TestVideos {

	private TestVideos() {
	}

	/** An H.264 mp4 of {@code frames} moving frames at {@code fps}. */
	public static byte[] mp4(int width, int height, int fps, int frames) {
		try {
			Path file = Files.createTempFile("govgrid-test-", ".mp4");
			try {
				AWTSequenceEncoder encoder = AWTSequenceEncoder.createSequenceEncoder(file.toFile(), fps);
				for (int i = 0; i < frames; i++) {
					encoder.encodeImage(frame(width, height, i, frames));
				}
				encoder.finish();
				return Files.readAllBytes(file);
			}
			finally {
				Files.deleteIfExists(file);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Writes an HLS VOD stream into {@code dir}: {@code index.m3u8}, an fMP4 init segment
	 * and media segments of about {@code segmentSeconds} each.
	 */
	public static void hls(Path dir, int width, int height, int fps, int seconds, double segmentSeconds) {
		try {
			Files.createDirectories(dir);
			Path source = dir.resolve("source.mp4");
			Files.write(source, mp4(width, height, fps, fps * seconds));
			FragmentedMp4Builder builder = new FragmentedMp4Builder();
			builder.setFragmenter(new DefaultFragmenterImpl(segmentSeconds));
			Container fragmented = builder.build(MovieCreator.build(source.toString()));
			ByteArrayOutputStream init = new ByteArrayOutputStream();
			List<ByteArrayOutputStream> segments = new ArrayList<>();
			List<Double> durations = new ArrayList<>();
			for (Box box : fragmented.getBoxes()) {
				switch (box.getType()) {
					case "ftyp", "moov" -> box.getBox(Channels.newChannel(init));
					case "moof" -> {
						segments.add(new ByteArrayOutputStream());
						box.getBox(Channels.newChannel(segments.get(segments.size() - 1)));
						long samples = org.mp4parser.tools.Path.<TrackRunBox>getPaths((Container) box, "traf/trun")
							.stream()
							.mapToLong(TrackRunBox::getSampleCount)
							.sum();
						durations.add(samples / (double) fps);
					}
					case "mdat" -> box.getBox(Channels.newChannel(segments.get(segments.size() - 1)));
					default -> {
						// mfra and the like: not needed for playback
					}
				}
			}
			Files.write(dir.resolve("init.mp4"), init.toByteArray());
			StringBuilder playlist = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:7\n");
			playlist.append("#EXT-X-TARGETDURATION:")
				.append((long) Math.ceil(durations.stream().mapToDouble(Double::doubleValue).max().orElse(1)))
				.append('\n');
			playlist.append("#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-PLAYLIST-TYPE:VOD\n#EXT-X-MAP:URI=\"init.mp4\"\n");
			for (int i = 0; i < segments.size(); i++) {
				Files.write(dir.resolve("seg-" + i + ".m4s"), segments.get(i).toByteArray());
				playlist
					.append(String.format(java.util.Locale.ROOT, "#EXTINF:%.3f,%nseg-%d.m4s%n", durations.get(i), i));
			}
			playlist.append("#EXT-X-ENDLIST\n");
			Files.writeString(dir.resolve("index.m3u8"), playlist);
			Files.delete(source);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A frame that changes each time: a gradient, a moving square and the frame number.
	 */
	private static BufferedImage frame(int width, int height, int index, int frames) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
		Graphics2D g = image.createGraphics();
		g.setPaint(new java.awt.GradientPaint(0, 0, new Color(20, 60, 120), width, height, new Color(30, 140, 90)));
		g.fillRect(0, 0, width, height);
		int size = Math.max(8, height / 5);
		int x = (int) ((width - size) * (index / (double) Math.max(1, frames - 1)));
		g.setColor(Color.ORANGE);
		g.fillRect(x, height / 2 - size / 2, size, size);
		g.setColor(Color.WHITE);
		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(10, height / 12)));
		g.drawString("GovGrid " + index, width / 20, height / 6);
		g.dispose();
		return image;
	}

}
