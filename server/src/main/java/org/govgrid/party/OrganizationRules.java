package org.govgrid.party;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.govgrid.platform.DataScope;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.ScopedPrincipal;
import org.govgrid.region.RegionLevel;
import org.govgrid.region.RegionService;
import org.govgrid.region.RegionSummary;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Checks an organisation command whole, naming every bad field: the type below the
 * parent's (and above the children's), the parent visible and not a descendant, the
 * region in the caller's scope and inside the parent's, each grid a grid of both.
 */
final class OrganizationRules {

	static final String TYPES = "COMMITTEE, GENERAL_BRANCH, BRANCH or GROUP / 类型须为党委、党总支、党支部或党小组";

	private final NamedParameterJdbcTemplate jdbc;

	private final RegionService regions;

	private final Clock clock;

	OrganizationRules(NamedParameterJdbcTemplate jdbc, RegionService regions, Clock clock) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.clock = clock;
	}

	/** A checked command with what it resolved to; {@code code} null: to be generated. */
	record Valid(PartyOrganizationCommand command, String code, OrganizationType type, RegionSummary region,
			List<RegionSummary> grids) {

		/** Whether writing this would change nothing of {@code current}. */
		boolean sameAs(PartyOrganizationView current) {
			return Objects.equals(this.code, current.code()) && this.command.name().strip().equals(current.name())
					&& this.type.name().equals(current.type())
					&& Objects.equals(this.command.parentId(), current.parentId())
					&& this.region.id() == current.regionId()
					&& this.grids.stream().map(RegionSummary::id).toList().equals(current.gridIds())
					&& Objects.equals(blankToNull(this.command.secretaryName()), current.secretaryName())
					&& Objects.equals(this.command.foundedOn(), current.foundedOn());
		}

	}

	private record Parent(OrganizationType type, String regionPath) {
	}

	Valid check(PartyOrganizationCommand c, PartyOrganizationView current, ScopedPrincipal caller) {
		FieldErrors errors = new FieldErrors();
		String code = blankToNull(c.code());
		if (code != null) {
			if (!code.matches("[A-Za-z0-9-]{1,40}")) {
				errors.add("code", "1–40 letters, digits or '-' / 编码须为1–40位字母、数字或“-”");
			}
			else if (this.jdbc
				.queryForList("select id from party_organization where code = :code",
						new MapSqlParameterSource("code", code), Long.class)
				.stream()
				.anyMatch(other -> current == null || other != current.id())) {
				errors.add("code", "used by another organisation / 编码已被其他党组织使用");
			}
		}
		if (c.name() == null || c.name().isBlank() || c.name().strip().length() > 100) {
			errors.add("name", "1–100 characters / 名称须为1–100个字");
		}
		OrganizationType type = OrganizationType.parse(c.type()).orElse(null);
		if (type == null) {
			errors.add("type", TYPES);
		}
		Parent parent = parent(c, current, caller.scope(), type, errors);
		if (type != null && current != null) {
			childrenFit(current.id(), type, errors);
		}
		RegionSummary region = region(c, caller, parent, errors);
		List<RegionSummary> grids = grids(c, caller, region, errors);
		if (c.secretaryName() != null && c.secretaryName().strip().length() > 50) {
			errors.add("secretaryName", "at most 50 characters / 最多50个字");
		}
		if (c.foundedOn() != null && c.foundedOn().isAfter(LocalDate.now(this.clock))) {
			errors.add("foundedOn", "in the future / 成立日期不能晚于今天");
		}
		errors.throwIfAny();
		return new Valid(c, code, type, region, grids);
	}

	private Parent parent(PartyOrganizationCommand c, PartyOrganizationView current, DataScope scope,
			OrganizationType type, FieldErrors errors) {
		if (c.parentId() == null) {
			if (type != null && !type.mayStandAlone()) {
				errors.add("parentId", "required below a 党委 / 党总支、党支部、党小组须有上级党组织");
			}
			return null;
		}
		MapSqlParameterSource params = new MapSqlParameterSource("id", c.parentId());
		Parent parent = this.jdbc
			.query("select o.type, o.region_path from party_organization o where o.id = :id and "
					+ PartyScopes.organizationVisible("o", scope, params), params,
					(rs, n) -> new Parent(OrganizationType.valueOf(rs.getString("type")), rs.getString("region_path")))
			.stream()
			.findFirst()
			.orElse(null);
		if (parent == null) {
			errors.add("parentId", "no such organisation in your area / 上级党组织不存在或不在您的辖区");
			return null;
		}
		if (current != null && isAncestorOrSelf(current.id(), c.parentId())) {
			errors.add("parentId", "the organisation itself or one under it / 上级不能是本组织或其下级");
			return null;
		}
		if (type != null && !type.mayHangUnder(parent.type())) {
			errors.add("type", "must be below the parent's type (" + parent.type().label() + ") / 须低于上级党组织的层级");
		}
		return parent;
	}

	/** Whether {@code id} is {@code candidate} or one of its ancestors. */
	private boolean isAncestorOrSelf(long id, long candidate) {
		Integer hits = this.jdbc.queryForObject("""
				with recursive up as (
				    select id, parent_id from party_organization where id = :candidate
				    union all
				    select p.id, p.parent_id from party_organization p join up on p.id = up.parent_id)
				select count(*) from up where id = :id""",
				new MapSqlParameterSource("candidate", candidate).addValue("id", id), Integer.class);
		return hits != null && hits > 0;
	}

	private void childrenFit(long id, OrganizationType type, FieldErrors errors) {
		List<String> children = this.jdbc.queryForList(
				"select distinct type from party_organization where parent_id = :id",
				new MapSqlParameterSource("id", id), String.class);
		if (children.stream().map(OrganizationType::valueOf).anyMatch(child -> !child.mayHangUnder(type))) {
			errors.add("type", "not above every child organisation / 须高于所有下级党组织的层级");
		}
	}

	private RegionSummary region(PartyOrganizationCommand c, ScopedPrincipal caller, Parent parent,
			FieldErrors errors) {
		if (c.regionId() == null) {
			errors.add("regionId", "required / 必填");
			return null;
		}
		RegionSummary region = this.regions.find(c.regionId())
			.filter(r -> caller.scope().covers(r.path()))
			.orElse(null);
		if (region == null) {
			errors.add("regionId", "no such region in your area / 区域不存在或不在您的辖区");
			return null;
		}
		if (parent != null && !new DataScope(0, parent.regionPath()).covers(region.path())) {
			errors.add("regionId", "outside the parent organisation's region / 不在上级党组织的区域内");
		}
		return region;
	}

	private List<RegionSummary> grids(PartyOrganizationCommand c, ScopedPrincipal caller, RegionSummary region,
			FieldErrors errors) {
		List<RegionSummary> grids = new ArrayList<>();
		List<Long> ids = c.gridIds() == null ? List.of() : c.gridIds();
		if (ids.size() > 200) {
			errors.add("gridIds", "at most 200 grids / 最多200个网格");
			return grids;
		}
		for (int i = 0; i < ids.size(); i++) {
			Long id = ids.get(i);
			RegionSummary grid = id == null ? null
					: this.regions.find(id)
						.filter(g -> g.level() == RegionLevel.GRID && caller.scope().covers(g.path()))
						.orElse(null);
			if (grid == null) {
				errors.add("gridIds[" + i + "]", "no such grid in your area / 网格不存在或不在您的辖区");
			}
			else if (ids.indexOf(id) != i) {
				errors.add("gridIds[" + i + "]", "listed twice / 网格重复");
			}
			else if (region != null && !new DataScope(0, region.path()).covers(grid.path())) {
				errors.add("gridIds[" + i + "]", "outside the organisation's region / 网格不在党组织所属区域内");
			}
			else {
				grids.add(grid);
			}
		}
		return grids;
	}

	static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
