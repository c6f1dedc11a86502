package org.govgrid.basedata;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A house. {@code residents} (people whose house it is) and {@code tenants} come with the
 * detail only, and only to callers who may read people; identifiers masked.
 */
public record HouseView(long id, String address, String building, String unit, String room, String use, String useName,
		BigDecimal area, String ownerName, boolean rented, long gridId, String gridName, Double lon, Double lat,
		String status, LocalDate validFrom, LocalDate validTo, int version, Instant createdAt, Instant updatedAt,
		@JsonInclude(JsonInclude.Include.NON_NULL) List<Occupant> residents,
		@JsonInclude(JsonInclude.Include.NON_NULL) List<Occupant> tenants) {

	/** A person living in the house; {@code since}/{@code until} are a tenancy's. */
	public record Occupant(long personId, String name, String idNumber, LocalDate since, LocalDate until) {
	}

	HouseView withOccupants(List<Occupant> residents, List<Occupant> tenants) {
		return new HouseView(this.id, this.address, this.building, this.unit, this.room, this.use, this.useName,
				this.area, this.ownerName, this.rented, this.gridId, this.gridName, this.lon, this.lat, this.status,
				this.validFrom, this.validTo, this.version, this.createdAt, this.updatedAt, residents, tenants);
	}

}
