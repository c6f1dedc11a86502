package org.govgrid.basedata;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AddressesTests {

	@Test
	void fullWidthFormsAndSpacesDoNotMakeADifferentHouse() {
		String key = Addresses.key("狮山街道金山路88号3幢201室");
		assertThat(Addresses.key(" 狮山街道 金山路８８号３幢\u3000２０１室 ")).isEqualTo(key);
		assertThat(Addresses.key("狮山街道金山路88号3幢\t201室\n")).isEqualTo(key);
		assertThat(Addresses.key("狮山街道金山路88号3幢202室")).isNotEqualTo(key);
	}

}
