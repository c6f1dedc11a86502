package org.govgrid.files;

import java.io.ByteArrayInputStream;

import javax.imageio.ImageIO;

import org.govgrid.support.TestImages;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Metadata stripping and the orientation tag, and the ISO BMFF brands, without a server.
 */
class JpegSegmentsTests {

	@Test
	void stripsExifAndXmpButKeepsThePictureAndTheOrientation() throws Exception {
		byte[] plain = TestImages.jpg(32, 24);
		for (int orientation = 1; orientation <= 8; orientation++) {
			byte[] tagged = HostileImages.withExif(plain, orientation);
			assertThat(JpegSegments.orientation(tagged)).isEqualTo(orientation);

			byte[] stripped = JpegSegments.strip(tagged);

			assertThat(HostileImages.contains(stripped, "GovGridCam")).isFalse();
			assertThat(HostileImages.contains(stripped, "ns.adobe.com")).isFalse();
			assertThat(JpegSegments.orientation(stripped)).isEqualTo(orientation);
			assertThat(ImageIO.read(new ByteArrayInputStream(stripped)).getWidth()).isEqualTo(32);
			// stripping again changes nothing
			assertThat(JpegSegments.strip(stripped)).isEqualTo(stripped);
		}
		assertThat(JpegSegments.strip(HostileImages.withExif(plain, 1))).isEqualTo(plain);
		assertThat(JpegSegments.strip(plain)).isSameAs(plain);
	}

	@Test
	void aBrokenMarkerStructureIsRefused() {
		byte[] plain = TestImages.jpg(16, 16);
		byte[] truncated = java.util.Arrays.copyOf(plain, 30);
		truncated[22] = 0x7F; // a segment length running past the end
		truncated[23] = 0x7F;
		assertThatIllegalArgumentException().isThrownBy(() -> JpegSegments.strip(truncated));
		assertThatIllegalArgumentException().isThrownBy(() -> JpegSegments.orientation(new byte[] { 1, 2, 3, 4 }));
	}

	@Test
	void isoBaseMediaBrandsAreToldApart() {
		for (String mp4 : new String[] { "isom", "iso2", "mp41", "mp42", "avc1", "dash" }) {
			assertThat(FileKind.sniff(HostileImages.ftyp(mp4))).as(mp4).contains(FileKind.MP4);
		}
		for (String other : new String[] { "heic", "heix", "mif1", "msf1", "qt  ", "3gp5" }) {
			assertThat(FileKind.sniff(HostileImages.ftyp(other))).as(other).isEmpty();
		}
		assertThat(FileKind.refusal(HostileImages.ftyp("mif1")))
			.hasValueSatisfying(m -> assertThat(m).contains("HEIF"));
		assertThat(FileKind.refusal(HostileImages.ftyp("qt  ")))
			.hasValueSatisfying(m -> assertThat(m).contains("QuickTime"));
		assertThat(FileKind.refusal(HostileImages.ftyp("isom"))).isEmpty();
		// a vendor's own major brand that declares isom among its compatible brands
		byte[] vendor = HostileImages.ftyp("MSNV");
		System.arraycopy("isom".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, vendor, 20, 4);
		vendor[3] = 24;
		assertThat(FileKind.sniff(vendor)).contains(FileKind.MP4);
	}

}
