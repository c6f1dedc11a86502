package org.govgrid.basedata;

import java.time.LocalDate;
import java.util.List;

/** A dispute (矛盾纠纷) as registered or edited; its status moves by steps only. */
public record DisputeCommand(String title, String type, String scale, List<Party> parties, String description,
		String address, LocalDate occurredOn, Long gridId, Double lon, Double lat, Integer version) {

	/** A party: anyone by name, linked to a registered person if known. */
	public record Party(String name, String role, Long personId) {
	}

	/** A mediation step: MEDIATE, RESOLVE, FAIL or ESCALATE, with what happened. */
	public record Step(String action, String note) {
	}

}
