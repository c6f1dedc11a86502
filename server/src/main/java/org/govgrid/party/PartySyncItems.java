package org.govgrid.party;

import java.time.LocalDate;
import java.util.List;

import org.govgrid.platform.InvalidInputException.FieldProblem;

/**
 * The shapes of the province party-building system's push: its own ids
 * ({@code externalId}, and the parent's or organisation's), then the same fields as the
 * API's commands; a region or grid may be named by its code instead of its id.
 */
final class PartySyncItems {

	private PartySyncItems() {
	}

	record Batch<T>(List<T> items) {
	}

	record OrganizationItem(String externalId, String parentExternalId, String code, String name, String type,
			Long parentId, Long regionId, String regionCode, List<Long> gridIds, List<String> gridCodes,
			String secretaryName, LocalDate foundedOn) {
	}

	record MemberItem(String externalId, String organizationExternalId, Long organizationId, String name, String gender,
			String idNumber, String phone, String status, LocalDate joinedOn, Long gridId, String gridCode,
			Boolean dualReport) {
	}

	/** What a push did: counts, and each refused row with every bad field. */
	record Report(int created, int updated, int unchanged, List<Failure> failed) {
	}

	record Failure(String externalId, List<FieldProblem> errors) {
	}

}
