package org.govgrid.files;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.govgrid.platform.InvalidInputException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * 320 px JPEG previews of uploaded images, made so that no upload can exhaust the heap:
 * the size is read from the header before any pixel is decoded and anything above
 * {@code govgrid.files.max-image-pixels} is refused; the decode skips pixels
 * (subsampling) so that it never holds much more than the preview; and only
 * {@code govgrid.files.thumbnail-concurrency} decodes run at once. The preview is turned
 * as the EXIF orientation says.
 */
@Component
class Thumbnails {

	static final int EDGE = 320;

	private final long maxPixels;

	private final Semaphore decoders;

	Thumbnails(@Value("${govgrid.files.max-image-pixels:40000000}") long maxPixels,
			@Value("${govgrid.files.thumbnail-concurrency:2}") int concurrency) {
		this.maxPixels = maxPixels;
		this.decoders = new Semaphore(Math.max(1, concurrency), true);
	}

	/** A preview and the picture's size as seen (after the orientation). */
	record Preview(byte[] jpeg, int width, int height) {
	}

	/**
	 * The preview of {@code image}; a 400 naming {@code field} when it is too large or
	 * cannot be decoded.
	 */
	Preview make(String field, byte[] image, int orientation) {
		try {
			if (!this.decoders.tryAcquire(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException("too many image decodes waiting");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		try {
			return decode(field, image, orientation);
		}
		finally {
			this.decoders.release();
		}
	}

	private Preview decode(String field, byte[] image, int orientation) {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				throw undecodable(field);
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				int width = reader.getWidth(0);
				int height = reader.getHeight(0);
				if (width <= 0 || height <= 0 || (long) width * height > this.maxPixels) {
					throw new InvalidInputException(field, "larger than " + this.maxPixels / 1_000_000
							+ " million pixels (" + width + "×" + height + ") / 图片像素过大");
				}
				BufferedImage decoded = decodeSmall(reader, width, height);
				boolean turned = orientation >= 5;
				BufferedImage preview = scale(decoded, turned ? height : width, turned ? width : height, orientation);
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				ImageIO.write(preview, "jpg", out);
				return new Preview(out.toByteArray(), turned ? height : width, turned ? width : height);
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof InvalidInputException invalid) {
				throw invalid;
			}
			// right magic bytes, broken body: the client's problem, not ours
			throw undecodable(field);
		}
	}

	/**
	 * Every n-th pixel of every n-th row, n chosen so that the result still covers EDGE.
	 */
	private BufferedImage decodeSmall(ImageReader reader, int width, int height) throws IOException {
		int step = Math.max(1, Math.max(width, height) / (2 * EDGE));
		ImageReadParam param = reader.getDefaultReadParam();
		param.setSourceSubsampling(step, step, 0, 0);
		return reader.read(0, param);
	}

	/**
	 * {@code image} drawn turned by {@code orientation} into a box no larger than EDGE
	 * whose proportions are those of {@code width} × {@code height} (the size as seen).
	 */
	private static BufferedImage scale(BufferedImage image, int width, int height, int orientation) {
		double scale = Math.min(1.0, (double) EDGE / Math.max(width, height));
		int w = Math.max(1, (int) Math.round(width * scale));
		int h = Math.max(1, (int) Math.round(height * scale));
		BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = small.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, w, h);
		g.transform(orient(orientation, w, h));
		boolean turned = orientation >= 5;
		g.drawImage(image, 0, 0, turned ? h : w, turned ? w : h, null);
		g.dispose();
		return small;
	}

	/**
	 * Maps the stored picture (drawn at the origin, {@code h}×{@code w} when turned) onto
	 * a {@code w}×{@code h} canvas, per EXIF 2.3's orientation values.
	 */
	private static AffineTransform orient(int orientation, int w, int h) {
		AffineTransform t = new AffineTransform();
		switch (orientation) {
			case 2 -> { // mirrored
				t.translate(w, 0);
				t.scale(-1, 1);
			}
			case 3 -> { // upside down
				t.translate(w, h);
				t.rotate(Math.PI);
			}
			case 4 -> { // mirrored upside down
				t.translate(0, h);
				t.scale(1, -1);
			}
			case 5 -> { // mirrored along the main diagonal
				t.rotate(Math.PI / 2);
				t.scale(1, -1);
			}
			case 6 -> { // turn 90° clockwise
				t.translate(w, 0);
				t.rotate(Math.PI / 2);
			}
			case 7 -> { // mirrored along the other diagonal
				t.translate(w, h);
				t.scale(-1, -1);
				t.rotate(Math.PI / 2);
				t.scale(1, -1);
			}
			case 8 -> { // turn 90° counter-clockwise
				t.translate(0, h);
				t.rotate(-Math.PI / 2);
			}
			default -> {
			}
		}
		return t;
	}

	private static InvalidInputException undecodable(String field) {
		return new InvalidInputException(field, "the image cannot be decoded / 图片无法解析");
	}

}
