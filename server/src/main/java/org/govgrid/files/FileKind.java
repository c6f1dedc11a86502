package org.govgrid.files;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The file types accepted, recognised by their first bytes rather than by name or the
 * client's content type (标准 7.3.2: jpg images, 1080p video).
 */
enum FileKind {

	JPEG("image/jpeg", "jpg", true), PNG("image/png", "png", true), MP4("video/mp4", "mp4", false),
	PDF("application/pdf", "pdf", false);

	private final String contentType;

	private final String extension;

	private final boolean image;

	FileKind(String contentType, String extension, boolean image) {
		this.contentType = contentType;
		this.extension = extension;
		this.image = image;
	}

	String contentType() {
		return this.contentType;
	}

	String extension() {
		return this.extension;
	}

	boolean isImage() {
		return this.image;
	}

	/** How many first bytes {@link #sniff} and {@link #refusal} want to see. */
	static final int HEAD = 64;

	/** ISO BMFF brands of HEIF/HEIC still images and sequences (ISO/IEC 23008-12). */
	private static final Set<String> HEIF_BRANDS = Set.of("heic", "heix", "heim", "heis", "hevc", "hevx", "mif1",
			"msf1", "avif");

	/**
	 * ISO BMFF brands of MP4 (ISO/IEC 14496-12 and -14) and its H.264 and DASH profiles.
	 */
	private static final Set<String> MP4_BRANDS = Set.of("isom", "iso2", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1",
			"dash");

	private static final String QUICKTIME = "qt  ";

	static Optional<FileKind> sniff(byte[] head) {
		return Arrays.stream(values()).filter(kind -> kind.matches(head)).findFirst();
	}

	/**
	 * Why a file of a type we recognise but the standard does not store is refused (HEIF
	 * photos, QuickTime films); empty for anything else.
	 */
	static Optional<String> refusal(byte[] head) {
		String major = majorBrand(head);
		if (major == null) {
			return Optional.empty();
		}
		if (HEIF_BRANDS.contains(major)) {
			return Optional.of("a HEIF/HEIC photo: photos are stored as jpg; choose 'Most Compatible' in the camera"
					+ " settings or convert it / 不支持 HEIF/HEIC 照片，请转换为 jpg 后上传");
		}
		if (QUICKTIME.equals(major)) {
			return Optional.of("a QuickTime (.mov) film: videos are stored as mp4 (H.264, 1080p25); convert it"
					+ " / 不支持 QuickTime（.mov）视频，请转换为 mp4 后上传");
		}
		return Optional.empty();
	}

	/** The major brand of an ISO BMFF {@code ftyp} box at the start, or null. */
	private static String majorBrand(byte[] head) {
		if (!startsWith(head, 4, 'f', 't', 'y', 'p') || head.length < 12) {
			return null;
		}
		return new String(head, 8, 4, StandardCharsets.ISO_8859_1);
	}

	/**
	 * An MP4 by its major brand, or by a compatible brand when the major one is a
	 * vendor's own (a phone's "MSNV" that also declares isom); never HEIF or QuickTime.
	 */
	private static boolean isMp4(byte[] head) {
		String major = majorBrand(head);
		if (major == null || HEIF_BRANDS.contains(major) || QUICKTIME.equals(major)) {
			return false;
		}
		if (MP4_BRANDS.contains(major)) {
			return true;
		}
		long boxSize = ((head[0] & 0xFFL) << 24) | ((head[1] & 0xFF) << 16) | ((head[2] & 0xFF) << 8)
				| (head[3] & 0xFF);
		int end = (int) Math.min(boxSize, head.length);
		for (int at = 16; at + 4 <= end; at += 4) {
			String brand = new String(head, at, 4, StandardCharsets.ISO_8859_1);
			if (HEIF_BRANDS.contains(brand) || QUICKTIME.equals(brand)) {
				return false;
			}
		}
		for (int at = 16; at + 4 <= end; at += 4) {
			if (MP4_BRANDS.contains(new String(head, at, 4, StandardCharsets.ISO_8859_1))) {
				return true;
			}
		}
		return false;
	}

	private boolean matches(byte[] h) {
		return switch (this) {
			case JPEG -> startsWith(h, 0, 0xFF, 0xD8, 0xFF);
			case PNG -> startsWith(h, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
			case PDF -> startsWith(h, 0, '%', 'P', 'D', 'F', '-');
			case MP4 -> isMp4(h);
		};
	}

	private static boolean startsWith(byte[] head, int offset, int... expected) {
		if (head.length < offset + expected.length) {
			return false;
		}
		for (int i = 0; i < expected.length; i++) {
			if ((head[offset + i] & 0xFF) != expected[i]) {
				return false;
			}
		}
		return true;
	}

}
