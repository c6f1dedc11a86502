package org.govgrid.basedata;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A dispute. {@code steps} (its history) and {@code actions} (the steps allowed now) come
 * with the detail only.
 */
public record DisputeView(long id, String title, String type, String typeName, String scale, String scaleName,
		List<DisputeCommand.Party> parties, String description, String address, LocalDate occurredOn, String result,
		long gridId, String gridName, Double lon, Double lat, String status, String statusName, int version,
		Instant createdAt, Instant updatedAt, @JsonInclude(JsonInclude.Include.NON_NULL) List<StepView> steps,
		@JsonInclude(JsonInclude.Include.NON_NULL) List<String> actions) {

	public record StepView(String action, String note, String actorName, Instant at) {
	}

	DisputeView withHistory(List<StepView> steps, List<String> actions) {
		return new DisputeView(this.id, this.title, this.type, this.typeName, this.scale, this.scaleName, this.parties,
				this.description, this.address, this.occurredOn, this.result, this.gridId, this.gridName, this.lon,
				this.lat, this.status, this.statusName, this.version, this.createdAt, this.updatedAt, steps, actions);
	}

}
