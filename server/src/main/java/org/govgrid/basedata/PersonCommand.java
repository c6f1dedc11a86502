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
		return toBuilder().version(version).build();
	}

	/**
	 * A command built by name: the only way code makes one (21 components, most of them
	 * strings, would let a swapped pair compile silently; {@code PersonCommandUseTests}
	 * holds every caller to this).
	 */
	public static Builder builder() {
		return new Builder();
	}

	public Builder toBuilder() {
		Builder b = new Builder();
		b.idNumber = this.idNumber;
		b.name = this.name;
		b.sex = this.sex;
		b.ethnicity = this.ethnicity;
		b.birthDate = this.birthDate;
		b.phone = this.phone;
		b.householdType = this.householdType;
		b.registeredAddress = this.registeredAddress;
		b.currentAddress = this.currentAddress;
		b.houseId = this.houseId;
		b.workUnit = this.workUnit;
		b.politicalStatus = this.politicalStatus;
		b.education = this.education;
		b.gridId = this.gridId;
		b.lon = this.lon;
		b.lat = this.lat;
		b.status = this.status;
		b.validFrom = this.validFrom;
		b.validTo = this.validTo;
		b.details = this.details;
		b.tags = this.tags;
		b.version = this.version;
		return b;
	}

	/** Builds a {@link PersonCommand} one named field at a time. */
	public static final class Builder {

		private String idNumber, name, sex, ethnicity, phone, householdType, registeredAddress, currentAddress,
				workUnit, politicalStatus, education, status;

		private LocalDate birthDate, validFrom, validTo;

		private Long houseId, gridId;

		private Double lon, lat;

		private PersonDetails details;

		private List<Tag> tags;

		private Integer version;

		private Builder() {
		}

		public Builder idNumber(String v) {
			this.idNumber = v;
			return this;
		}

		public Builder name(String v) {
			this.name = v;
			return this;
		}

		public Builder sex(String v) {
			this.sex = v;
			return this;
		}

		public Builder ethnicity(String v) {
			this.ethnicity = v;
			return this;
		}

		public Builder birthDate(LocalDate v) {
			this.birthDate = v;
			return this;
		}

		public Builder phone(String v) {
			this.phone = v;
			return this;
		}

		public Builder householdType(String v) {
			this.householdType = v;
			return this;
		}

		public Builder registeredAddress(String v) {
			this.registeredAddress = v;
			return this;
		}

		public Builder currentAddress(String v) {
			this.currentAddress = v;
			return this;
		}

		public Builder houseId(Long v) {
			this.houseId = v;
			return this;
		}

		public Builder workUnit(String v) {
			this.workUnit = v;
			return this;
		}

		public Builder politicalStatus(String v) {
			this.politicalStatus = v;
			return this;
		}

		public Builder education(String v) {
			this.education = v;
			return this;
		}

		public Builder gridId(Long v) {
			this.gridId = v;
			return this;
		}

		public Builder location(Double lon, Double lat) {
			this.lon = lon;
			this.lat = lat;
			return this;
		}

		public Builder status(String v) {
			this.status = v;
			return this;
		}

		public Builder validity(LocalDate from, LocalDate to) {
			this.validFrom = from;
			this.validTo = to;
			return this;
		}

		public Builder details(PersonDetails v) {
			this.details = v;
			return this;
		}

		public Builder tags(List<Tag> v) {
			this.tags = v;
			return this;
		}

		public Builder version(Integer v) {
			this.version = v;
			return this;
		}

		public PersonCommand build() {
			return new PersonCommand(this.idNumber, this.name, this.sex, this.ethnicity, this.birthDate, this.phone,
					this.householdType, this.registeredAddress, this.currentAddress, this.houseId, this.workUnit,
					this.politicalStatus, this.education, this.gridId, this.lon, this.lat, this.status, this.validFrom,
					this.validTo, this.details, this.tags, this.version);
		}

	}

	/** A key-group tag and the group's own fields. */
	public record Tag(String tag, LocalDate since, Map<String, Object> details) {
	}

}
