package org.govgrid.files;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Test fixture: images made to hurt (a PNG that claims gigapixels in a few kilobytes), or
 * to carry what must not be stored (EXIF GPS), and ISO BMFF heads of other brands.
 */
final class HostileImages {

	private HostileImages() {
	}

	/**
	 * A valid greyscale PNG of {@code width} × {@code height} pixels, all black: each row
	 * is a filter byte and zeros, so deflate squeezes gigapixels into a few hundred KB.
	 */
	static byte[] bombPng(int width, int height) {
		try {
			ByteArrayOutputStream png = new ByteArrayOutputStream();
			png.write(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A });
			ByteArrayOutputStream header = new ByteArrayOutputStream();
			DataOutputStream h = new DataOutputStream(header);
			h.writeInt(width);
			h.writeInt(height);
			h.write(new byte[] { 1, 0, 0, 0, 0 }); // 1-bit greyscale, deflate, no
													// interlace
			chunk(png, "IHDR", header.toByteArray());
			ByteArrayOutputStream idat = new ByteArrayOutputStream();
			try (DeflaterOutputStream z = new DeflaterOutputStream(idat, new Deflater(Deflater.BEST_COMPRESSION))) {
				byte[] row = new byte[1 + (width + 7) / 8];
				for (int y = 0; y < height; y++) {
					z.write(row);
				}
			}
			chunk(png, "IDAT", idat.toByteArray());
			chunk(png, "IEND", new byte[0]);
			return png.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void chunk(ByteArrayOutputStream png, String type, byte[] data) throws IOException {
		DataOutputStream out = new DataOutputStream(png);
		out.writeInt(data.length);
		byte[] name = type.getBytes(StandardCharsets.US_ASCII);
		out.write(name);
		out.write(data);
		CRC32 crc = new CRC32();
		crc.update(name);
		crc.update(data);
		out.writeInt((int) crc.getValue());
	}

	/**
	 * {@code jpeg} (as ImageIO writes it: SOI, JFIF APP0, …) with an Exif APP1 after the
	 * SOI carrying the orientation, a camera make and a GPS IFD (31.3°N 120.6°E), and an
	 * XMP APP1 naming the device.
	 */
	static byte[] withExif(byte[] jpeg, int orientation) {
		try {
			ByteArrayOutputStream tiff = new ByteArrayOutputStream();
			DataOutputStream t = new DataOutputStream(tiff);
			t.write(new byte[] { 'M', 'M', 0, 42 });
			t.writeInt(8); // IFD0 at 8
			// IFD0: 3 entries (Make, Orientation, GPS IFD pointer) + next = 0
			int ifd0Size = 2 + 3 * 12 + 4;
			int makeOffset = 8 + ifd0Size;
			byte[] make = "GovGridCam\0".getBytes(StandardCharsets.US_ASCII);
			int gpsOffset = makeOffset + make.length + (make.length % 2);
			t.writeShort(3);
			entry(t, 0x010F, 2, make.length, makeOffset);
			t.writeShort(0x0112);
			t.writeShort(3);
			t.writeInt(1);
			t.writeShort(orientation);
			t.writeShort(0);
			entry(t, 0x8825, 4, 1, gpsOffset);
			t.writeInt(0);
			t.write(make);
			if (make.length % 2 == 1) {
				t.write(0);
			}
			// GPS IFD: LatitudeRef, Latitude, LongitudeRef, Longitude
			int gpsSize = 2 + 4 * 12 + 4;
			int latOffset = gpsOffset + gpsSize;
			int lonOffset = latOffset + 24;
			t.writeShort(4);
			t.writeShort(1);
			t.writeShort(2);
			t.writeInt(2);
			t.write(new byte[] { 'N', 0, 0, 0 });
			entry(t, 2, 5, 3, latOffset);
			t.writeShort(3);
			t.writeShort(2);
			t.writeInt(2);
			t.write(new byte[] { 'E', 0, 0, 0 });
			entry(t, 4, 5, 3, lonOffset);
			t.writeInt(0);
			for (int v : new int[] { 31, 1, 18, 1, 0, 1, 120, 1, 36, 1, 0, 1 }) {
				t.writeInt(v);
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			out.write(jpeg, 0, 2);
			segment(out, 0xE1, concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), tiff.toByteArray()));
			segment(out, 0xE1,
					("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><tiff:Model>GovGridCam X1</tiff:Model>"
							+ "<exif:GPSLatitude>31,18N</exif:GPSLatitude></x:xmpmeta>")
						.getBytes(StandardCharsets.US_ASCII));
			out.write(jpeg, 2, jpeg.length - 2);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void entry(DataOutputStream t, int tag, int type, int count, int value) throws IOException {
		t.writeShort(tag);
		t.writeShort(type);
		t.writeInt(count);
		t.writeInt(value);
	}

	private static void segment(ByteArrayOutputStream out, int marker, byte[] payload) {
		out.write(0xFF);
		out.write(marker);
		int length = payload.length + 2;
		out.write(length >> 8);
		out.write(length & 0xFF);
		out.write(payload, 0, payload.length);
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] both = new byte[a.length + b.length];
		System.arraycopy(a, 0, both, 0, a.length);
		System.arraycopy(b, 0, both, a.length, b.length);
		return both;
	}

	/** The first bytes of an ISO BMFF file of {@code brand}, then padding. */
	static byte[] ftyp(String brand) {
		byte[] head = new byte[64];
		head[3] = 24;
		System.arraycopy("ftyp".getBytes(StandardCharsets.US_ASCII), 0, head, 4, 4);
		System.arraycopy(brand.getBytes(StandardCharsets.US_ASCII), 0, head, 8, 4);
		System.arraycopy(brand.getBytes(StandardCharsets.US_ASCII), 0, head, 16, 4);
		return head;
	}

	/** Whether {@code bytes} contain {@code text} (ASCII) anywhere. */
	static boolean contains(byte[] bytes, String text) {
		byte[] needle = text.getBytes(StandardCharsets.US_ASCII);
		outer: for (int i = 0; i + needle.length <= bytes.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (bytes[i + j] != needle[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

}
