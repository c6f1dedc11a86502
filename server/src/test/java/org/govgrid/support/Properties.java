package org.govgrid.support;

import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A small property-based testing harness: a property is tried on many generated samples
 * from a fixed seed (so every run tries the same samples and a failure is reproducible),
 * and a failure names the seed, the try and the sample. Used in place of a property
 * testing library (see docs/security.md, 三员分立 and the hostile-input corpus).
 */
public final class Properties {

	/** Tries per property: enough to hit edge cases, quick on a shared machine. */
	public static final int TRIES = 2_000;

	private Properties() {
	}

	/** Checks {@code property} on {@link #TRIES} samples of {@code generator}. */
	public static <T> void forAll(long seed, Function<SplittableRandom, T> generator, Consumer<T> property) {
		forAll(seed, TRIES, generator, property);
	}

	public static <T> void forAll(long seed, int tries, Function<SplittableRandom, T> generator, Consumer<T> property) {
		SplittableRandom random = new SplittableRandom(seed);
		for (int i = 0; i < tries; i++) {
			T sample = generator.apply(random);
			try {
				property.accept(sample);
			}
			catch (AssertionError | RuntimeException ex) {
				throw new AssertionError("property failed (seed " + seed + ", try " + i + ") for sample "
						+ printable(String.valueOf(sample)) + ": " + ex.getMessage(), ex);
			}
		}
	}

	/**
	 * A string of up to {@code max} characters from anywhere in UTF-16, unpaired
	 * surrogates included.
	 */
	public static String anyText(SplittableRandom random, int max) {
		int length = random.nextInt(max + 1);
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			text.append(switch (random.nextInt(4)) {
				case 0 -> (char) random.nextInt(0x20, 0x7f);
				case 1 -> (char) random.nextInt(0, 0x20);
				case 2 -> (char) random.nextInt(0x4e00, 0x9fff);
				default -> (char) random.nextInt(0, 0x10000);
			});
		}
		return text.toString();
	}

	/** One of {@code chars}. */
	public static char oneOf(SplittableRandom random, String chars) {
		return chars.charAt(random.nextInt(chars.length()));
	}

	private static String printable(String sample) {
		StringBuilder out = new StringBuilder();
		sample.chars().forEach(c -> {
			if (c < 0x20 || (c >= 0xd800 && c <= 0xdfff) || c == 0x7f) {
				out.append(String.format("\\u%04x", c));
			}
			else {
				out.append((char) c);
			}
		});
		return out.length() > 300 ? out.substring(0, 300) + "…" : out.toString();
	}

}
