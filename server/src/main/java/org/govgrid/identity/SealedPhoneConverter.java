package org.govgrid.identity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.govgrid.platform.IdentifierProtection;

import org.springframework.stereotype.Component;

/**
 * Staff phones are sealed in {@code app_user.phone} like every other phone; one written
 * in clear by an older version is read as it is and sealed when the user is next saved
 * (or at start by {@link StaffPhoneSealing}).
 */
@Component
@Converter
class SealedPhoneConverter implements AttributeConverter<String, String> {

	private final IdentifierProtection protection;

	SealedPhoneConverter(IdentifierProtection protection) {
		this.protection = protection;
	}

	@Override
	public String convertToDatabaseColumn(String phone) {
		return phone == null ? null : this.protection.sealText(phone);
	}

	@Override
	public String convertToEntityAttribute(String stored) {
		return stored == null || !IdentifierProtection.isSealedText(stored) ? stored : this.protection.openText(stored);
	}

}
