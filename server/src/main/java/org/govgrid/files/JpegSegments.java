package org.govgrid.files;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Walks a JPEG's marker segments to read the EXIF orientation and to drop what a photo
 * must not carry into storage: EXIF (GPS position, camera make and serial), XMP, IPTC,
 * comments and vendor segments. Only the headers change; the compressed picture after SOS
 * is copied byte for byte, so nothing is re-encoded. The orientation survives as a
 * minimal EXIF block holding that one tag, so viewers still show the photo upright.
 */
final class JpegSegments {

	private static final int SOI = 0xD8;

	private static final int SOS = 0xDA;

	private static final int APP0 = 0xE0;

	private static final int APP1 = 0xE1;

	private static final int APP2 = 0xE2;

	private static final int APP14 = 0xEE;

	private static final int COM = 0xFE;

	private static final int ORIENTATION_TAG = 0x0112;

	private static final byte[] EXIF = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);

	private JpegSegments() {
	}

	/** The EXIF orientation (1–8), 1 when there is none or it cannot be read. */
	static int orientation(byte[] jpeg) {
		int[] found = { 1 };
		walk(jpeg, (marker, start, end) -> {
			if (marker == APP1 && startsWith(jpeg, start, EXIF)) {
				int value = exifOrientation(jpeg, start + EXIF.length, end);
				if (value >= 1 && value <= 8) {
					found[0] = value;
				}
			}
			return true;
		});
		return found[0];
	}

	/**
	 * {@code jpeg} without metadata segments (APP1 EXIF/XMP, APP3–APP13, APP15, COM),
	 * with the orientation kept as its own minimal EXIF block; the same array when there
	 * was nothing to drop. JFIF (APP0), ICC profiles (APP2) and Adobe's colour transform
	 * (APP14) stay: decoders need them to show the right colours.
	 * @throws IllegalArgumentException when the marker structure is broken
	 */
	static byte[] strip(byte[] jpeg) {
		int orientation = orientation(jpeg);
		ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length);
		out.write(0xFF);
		out.write(SOI);
		boolean[] dropped = { false };
		boolean[] orientationWritten = { orientation == 1 };
		int body = walk(jpeg, (marker, start, end) -> {
			boolean keep = marker == APP0 || marker == APP2 || marker == APP14 || marker < APP0 || marker > 0xEF;
			keep &= marker != COM;
			if (!orientationWritten[0] && marker != APP0) {
				// after JFIF's APP0 (which must come first), before anything else
				write(out, APP1, orientationBlock(orientation));
				orientationWritten[0] = true;
			}
			if (keep) {
				out.write(jpeg, start - 4, end - start + 4);
			}
			else {
				dropped[0] = true;
			}
			return marker != SOS;
		});
		if (!dropped[0]) {
			return jpeg;
		}
		out.write(jpeg, body, jpeg.length - body);
		return out.toByteArray();
	}

	@FunctionalInterface
	private interface Segment {

		/** One segment's marker and payload bounds; false stops the walk. */
		boolean visit(int marker, int start, int end);

	}

	/**
	 * Visits the segments from SOI up to and including SOS; returns the offset just after
	 * the SOS header, where the entropy-coded data begins.
	 */
	private static int walk(byte[] jpeg, Segment visitor) {
		if (jpeg.length < 4 || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != SOI) {
			throw new IllegalArgumentException("not a JPEG");
		}
		int at = 2;
		while (at + 4 <= jpeg.length) {
			if ((jpeg[at] & 0xFF) != 0xFF) {
				throw new IllegalArgumentException("no marker at " + at);
			}
			int marker = jpeg[at + 1] & 0xFF;
			if (marker == 0xFF) {
				at++; // fill byte
				continue;
			}
			if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
				at += 2; // TEM and RSTn stand alone
				continue;
			}
			int length = ((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF);
			int start = at + 4;
			int end = at + 2 + length;
			if (length < 2 || end > jpeg.length) {
				throw new IllegalArgumentException("segment overruns the file at " + at);
			}
			if (!visitor.visit(marker, start, end) || marker == SOS) {
				return end;
			}
			at = end;
		}
		throw new IllegalArgumentException("no image data");
	}

	/** Orientation from the TIFF structure in {@code [tiff, end)}; 0 when absent. */
	private static int exifOrientation(byte[] b, int tiff, int end) {
		if (tiff + 8 > end) {
			return 0;
		}
		boolean little = b[tiff] == 'I' && b[tiff + 1] == 'I';
		if (!little && !(b[tiff] == 'M' && b[tiff + 1] == 'M')) {
			return 0;
		}
		long ifd = u32(b, tiff + 4, little);
		if (ifd < 8 || tiff + ifd + 2 > end) {
			return 0;
		}
		int entries = u16(b, tiff + (int) ifd, little);
		for (int i = 0; i < entries; i++) {
			int entry = tiff + (int) ifd + 2 + i * 12;
			if (entry + 12 > end) {
				return 0;
			}
			if (u16(b, entry, little) == ORIENTATION_TAG && u16(b, entry + 2, little) == 3) {
				return u16(b, entry + 8, little);
			}
		}
		return 0;
	}

	/** "Exif\0\0" and a big-endian TIFF with one IFD holding only the orientation. */
	private static byte[] orientationBlock(int orientation) {
		return new byte[] { 'E', 'x', 'i', 'f', 0, 0, 'M', 'M', 0, 42, 0, 0, 0, 8, // header
				0, 1, // one entry
				0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0, // SHORT, count
																			// 1
				0, 0, 0, 0 }; // no next IFD
	}

	private static void write(ByteArrayOutputStream out, int marker, byte[] payload) {
		out.write(0xFF);
		out.write(marker);
		out.write((payload.length + 2) >> 8);
		out.write((payload.length + 2) & 0xFF);
		out.write(payload, 0, payload.length);
	}

	private static boolean startsWith(byte[] b, int at, byte[] prefix) {
		if (at + prefix.length > b.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (b[at + i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static int u16(byte[] b, int at, boolean little) {
		int first = b[at] & 0xFF;
		int second = b[at + 1] & 0xFF;
		return little ? first | (second << 8) : (first << 8) | second;
	}

	private static long u32(byte[] b, int at, boolean little) {
		long high = u16(b, at, little);
		long low = u16(b, at + 2, little);
		return little ? high | (low << 16) : (high << 16) | low;
	}

}
