package org.govgrid.basedata;

import java.text.Normalizer;

/**
 * The natural key of a house: its address with full-width forms made half-width (NFKC)
 * and every space removed, so "金山路８８号 3幢" and "金山路88号3幢" are the same house.
 */
final class Addresses {

	private Addresses() {
	}

	static String key(String address) {
		if (address == null) {
			return null;
		}
		return Normalizer.normalize(address, Normalizer.Form.NFKC).replaceAll("[\\s\\p{Z}]+", "");
	}

}
