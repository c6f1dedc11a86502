package org.govgrid.basedata;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A person as entered or imported. On update an absent {@code idNumber} or {@code phone}
 * keeps the stored one (clients only ever see them masked); an empty phone removes it; an
 * absent {@code tags} keeps the tags. The catalogue's further items
 * ({@link PersonDetails}) come flat beside the others.
 */
public record PersonCommand(String idNumber, String name, String sex, String ethnicity, LocalDate birthDate,
		String phone, String householdType, String registeredAddress, String currentAddress, Long houseId,
		String workUnit, String politicalStatus, String education, Long gridId, Double lon, Double lat, String status,
		LocalDate validFrom, LocalDate validTo, @JsonUnwrapped PersonDetails details, List<Tag> tags, Integer version) {

	/** The same command against the given version. */
	public PersonCommand withVersion(Integer version) {
		return new PersonCommand(this.idNumber, this.name, this.sex, this.ethnicity, this.birthDate, this.phone,
				this.householdType, this.registeredAddress, this.currentAddress, this.houseId, this.workUnit,
				this.politicalStatus, this.education, this.gridId, this.lon, this.lat, this.status, this.validFrom,
				this.validTo, this.details, this.tags, version);
	}

	/** A key-group tag and the group's own fields. */
	public record Tag(String tag, LocalDate since, Map<String, Object> details) {
	}

}
