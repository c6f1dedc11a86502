package org.govgrid.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.mp4parser.IsoFile;
import org.mp4parser.PropertyBoxParserImpl;
import org.mp4parser.boxes.iso14496.part12.HandlerBox;
import org.mp4parser.boxes.iso14496.part12.MediaHeaderBox;
import org.mp4parser.boxes.iso14496.part12.MovieHeaderBox;
import org.mp4parser.boxes.iso14496.part12.TimeToSampleBox;
import org.mp4parser.boxes.iso14496.part12.TrackBox;
import org.mp4parser.boxes.iso14496.part12.TrackHeaderBox;
import org.mp4parser.boxes.sampleentry.VisualSampleEntry;

/**
 * Reads an mp4's video track (size, frame rate, duration) from its {@code moov} box with
 * mp4parser; the media data is skipped, not read. 标准 7.3.2d asks for 1080p at 25 fps:
 * anything larger or at another rate is kept, with the reason.
 */
final class VideoProbe {

	static final int MAX_LONG_EDGE = 1920;

	static final int MAX_SHORT_EDGE = 1080;

	static final double FRAME_RATE = 25.0;

	private VideoProbe() {
	}

	/** What was found; empty when the file has no readable video track. */
	static Optional<StoredFileView.Video> probe(InputStream content) throws IOException {
		// skipping the media data needs a seekable source: a temporary copy
		Path copy = Files.createTempFile("govgrid-probe-", ".mp4");
		try {
			Files.copy(content, copy, StandardCopyOption.REPLACE_EXISTING);
			try (FileChannel channel = FileChannel.open(copy, StandardOpenOption.READ)) {
				return probe(channel);
			}
		}
		finally {
			Files.deleteIfExists(copy);
		}
	}

	private static Optional<StoredFileView.Video> probe(FileChannel channel) {
		try (IsoFile iso = new IsoFile(channel, new PropertyBoxParserImpl().skippingBoxes("mdat"))) {
			if (iso.getMovieBox() == null) {
				return Optional.empty();
			}
			MovieHeaderBox movie = iso.getMovieBox().getMovieHeaderBox();
			for (TrackBox track : iso.getMovieBox().getBoxes(TrackBox.class)) {
				HandlerBox handler = org.mp4parser.tools.Path.getPath(track, "mdia[0]/hdlr[0]");
				if (handler != null && "vide".equals(handler.getHandlerType())) {
					return Optional.of(describe(track, movie));
				}
			}
			return Optional.empty();
		}
		catch (IOException | RuntimeException ex) {
			// right magic bytes, broken boxes: the client's problem, reported as such
			return Optional.empty();
		}
	}

	private static StoredFileView.Video describe(TrackBox track, MovieHeaderBox movie) {
		TrackHeaderBox header = track.getTrackHeaderBox();
		int width = (int) Math.round(header.getWidth());
		int height = (int) Math.round(header.getHeight());
		VisualSampleEntry entry = org.mp4parser.tools.Path.getPath(track, "mdia[0]/minf[0]/stbl[0]/stsd[0]/avc1[0]");
		if (entry == null) {
			entry = org.mp4parser.tools.Path.getPath(track, "mdia[0]/minf[0]/stbl[0]/stsd[0]/hvc1[0]");
		}
		if ((width == 0 || height == 0) && entry != null) {
			width = entry.getWidth();
			height = entry.getHeight();
		}
		MediaHeaderBox media = org.mp4parser.tools.Path.getPath(track, "mdia[0]/mdhd[0]");
		TimeToSampleBox times = org.mp4parser.tools.Path.getPath(track, "mdia[0]/minf[0]/stbl[0]/stts[0]");
		Double frameRate = null;
		Long durationMs = null;
		if (media != null && media.getTimescale() > 0 && media.getDuration() > 0) {
			durationMs = media.getDuration() * 1000 / media.getTimescale();
			if (times != null) {
				long samples = times.getEntries().stream().mapToLong(TimeToSampleBox.Entry::getCount).sum();
				frameRate = Math.round(samples * (double) media.getTimescale() / media.getDuration() * 1000) / 1000.0;
			}
		}
		else if (movie != null && movie.getTimescale() > 0) {
			durationMs = movie.getDuration() * 1000 / movie.getTimescale();
		}
		return assess(width, height, frameRate, durationMs);
	}

	/**
	 * The size, rate and duration found, judged against 1080p25: at most 1920×1080
	 * (either way round) and 25 fps; the note says what is off.
	 */
	static StoredFileView.Video assess(int width, int height, Double frameRate, Long durationMs) {
		List<String> reasons = new ArrayList<>();
		if (Math.max(width, height) > MAX_LONG_EDGE || Math.min(width, height) > MAX_SHORT_EDGE) {
			reasons.add(width + "×" + height + " above 1080p / 分辨率超过1080p");
		}
		if (frameRate == null) {
			reasons.add("frame rate unknown / 帧率无法识别");
		}
		else if (Math.abs(frameRate - FRAME_RATE) > 0.01) {
			reasons.add(frameRate + " fps, not 25 / 帧率非25帧");
		}
		String note = reasons.isEmpty() ? null : "not 1080p25 (标准 7.3.2d): " + String.join("; ", reasons);
		return new StoredFileView.Video(width, height, frameRate, durationMs, reasons.isEmpty(), note);
	}

}
