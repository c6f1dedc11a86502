package org.govgrid.basedata;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A person as entered or imported. On update an absent {@code idNumber} or {@code phone}
 * keeps the stored one (clients only ever see them masked); an empty phone removes it; an
 * absent {@code tags} keeps the tags.
 */
public record PersonCommand(String idNumber, String name, String sex, String ethnicity, LocalDate birthDate,
		String phone, String householdType, String registeredAddress, String currentAddress, Long houseId,
		String workUnit, String politicalStatus, String education, Long gridId, Double lon, Double lat, String status,
		LocalDate validFrom, LocalDate validTo, List<Tag> tags, Integer version) {

	/** A key-group tag and the group's own fields. */
	public record Tag(String tag, LocalDate since, Map<String, Object> details) {
	}

}
