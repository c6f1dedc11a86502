package org.govgrid.party;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import org.govgrid.platform.DataScope;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.IdNumbers;
import org.govgrid.platform.ScopedPrincipal;
import org.govgrid.region.RegionLevel;
import org.govgrid.region.RegionService;
import org.govgrid.region.RegionSummary;

/**
 * Checks a member command whole: the ID number by GB 11643 (and against the gender), the
 * organisation visible to the caller, the grid a grid of both the caller's scope and the
 * organisation's region.
 */
final class MemberRules {

	static final String PHONE = "1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}";

	private final PartyOrganizations organizations;

	private final RegionService regions;

	private final Clock clock;

	MemberRules(PartyOrganizations organizations, RegionService regions, Clock clock) {
		this.organizations = organizations;
		this.regions = regions;
		this.clock = clock;
	}

	/**
	 * A checked command: gender (derived from the ID number when not given), status, the
	 * organisation and the grid (or null), and the region path the member is read under.
	 */
	record Valid(MemberCommand command, String gender, MemberStatus status, PartyOrganizationView organization,
			RegionSummary grid, String regionPath) {
	}

	Valid check(MemberCommand c, MemberView current, ScopedPrincipal caller) {
		FieldErrors errors = new FieldErrors();
		if (c.name() == null || c.name().isBlank() || c.name().strip().length() > 50) {
			errors.add("name", "1–50 characters / 姓名须为1–50个字");
		}
		String gender = c.gender() == null || c.gender().isBlank() ? null : c.gender().strip();
		if (gender != null && !gender.equals("1") && !gender.equals("2")) {
			errors.add("gender", "1 (male) or 2 (female), GB/T 2261.1 / 性别须为1（男）或2（女）");
			gender = null;
		}
		if (current == null || c.idNumber() != null) {
			Optional<String> problem = IdNumbers.problem(c.idNumber() == null ? null : c.idNumber().strip(), gender,
					LocalDate.now(this.clock));
			if (problem.isPresent()) {
				errors.add("idNumber", problem.get());
			}
			else if (gender == null) {
				gender = IdNumbers.sex(c.idNumber().strip());
			}
		}
		else if (gender == null) {
			gender = current.gender();
		}
		if (c.phone() != null && !c.phone().isBlank() && !c.phone().strip().matches(PHONE)) {
			errors.add("phone", "an 11-digit mobile or a landline / 手机号应为11位，座机应含区号");
		}
		MemberStatus status = MemberStatus.parse(c.status()).orElse(null);
		if (status == null) {
			errors.add("status", MemberStatus.CHOICES);
		}
		if (c.joinedOn() != null && c.joinedOn().isAfter(LocalDate.now(this.clock))) {
			errors.add("joinedOn", "in the future / 入党日期不能晚于今天");
		}
		PartyOrganizationView organization = null;
		if (c.organizationId() == null) {
			errors.add("organizationId", "required / 必填");
		}
		else {
			organization = this.organizations.find(c.organizationId(), caller.scope()).orElse(null);
			if (organization == null) {
				errors.add("organizationId", "no such organisation in your area / 党组织不存在或不在您的辖区");
			}
		}
		RegionSummary grid = null;
		if (c.gridId() != null) {
			grid = this.regions.find(c.gridId())
				.filter(g -> g.level() == RegionLevel.GRID && caller.scope().covers(g.path()))
				.orElse(null);
			if (grid == null) {
				errors.add("gridId", "no such grid in your area / 网格不存在或不在您的辖区");
			}
			else if (organization != null && !covers(organization, grid)) {
				errors.add("gridId", "outside the organisation's region / 网格不在所属党组织的区域内");
				grid = null;
			}
		}
		errors.throwIfAny();
		String path = grid != null ? grid.path() : this.regions.find(organization.regionId()).orElseThrow().path();
		return new Valid(c, gender, status, organization, grid, path);
	}

	private boolean covers(PartyOrganizationView organization, RegionSummary grid) {
		return this.regions.find(organization.regionId())
			.map(r -> new DataScope(r.id(), r.path()).covers(grid.path()))
			.orElse(false);
	}

}
