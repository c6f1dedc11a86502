package org.govgrid.support;

import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import org.govgrid.platform.IdNumbers;

/** Valid, random identifiers for test people: ID numbers (GB 11643) and mobile phones. */
public final class TestIds {

	/**
	 * Every ID number handed out in this run: a birth date and sex leave only 500
	 * numbers, so a test registering many people of one birthday would otherwise meet its
	 * own.
	 */
	private static final Set<String> ISSUED = ConcurrentHashMap.newKeySet();

	private TestIds() {
	}

	/**
	 * A valid ID number from 苏州市虎丘区 with the given birth date and sex (1 male, 2 female).
	 */
	public static String idNumber(LocalDate birth, String sex) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		for (int attempt = 0; attempt < 1000; attempt++) {
			int sequence = random.nextInt(0, 50) * 2 + (sex.equals("1") ? 1 : 0);
			String first17 = "320505" + birth.toString().replace("-", "")
					+ "%01d%02d".formatted(random.nextInt(10), sequence);
			String idNumber = first17 + IdNumbers.checkCharacter(first17);
			if (ISSUED.add(idNumber)) {
				return idNumber;
			}
		}
		throw new IllegalStateException("no unused ID number left for " + birth + " and sex " + sex);
	}

	public static String idNumber() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return idNumber(LocalDate.of(1950, 1, 1).plusDays(random.nextInt(0, 20000)), random.nextBoolean() ? "1" : "2");
	}

	public static String phone() {
		return "13" + "%09d".formatted(ThreadLocalRandom.current().nextInt(0, 1_000_000_000));
	}

}
