package org.govgrid.basedata;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A person as every response shows them: identifiers masked; the catalogue's further
 * items ({@link PersonDetails}) flat beside the others.
 */
public record PersonView(long id, String name, String sex, String sexName, String ethnicity, String ethnicityName,
		LocalDate birthDate, String idNumber, String phone, String householdType, String householdTypeName,
		String registeredAddress, String currentAddress, Long houseId, String houseAddress, String workUnit,
		String politicalStatus, String education, @JsonUnwrapped PersonDetails details, long gridId, String gridName,
		String status, LocalDate validFrom, LocalDate validTo, List<TagView> tags, int version, Instant createdAt,
		Instant updatedAt) {

	public record TagView(String tag, String name, LocalDate since, Map<String, Object> details) {
	}

}
