package org.govgrid.party;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.platform.ConflictException;
import org.govgrid.platform.DataScope;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.NotFoundException;
import org.govgrid.platform.PageQuery;
import org.govgrid.platform.PageResponse;
import org.govgrid.platform.ScopedPrincipal;
import org.govgrid.region.RegionService;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Party organisations (党委 → 党总支 → 党支部 → 党小组) placed in grids. An organisation is visible
 * to whoever's scope holds its region or one of its grids (a grid worker sees the branch
 * of their grid); anything else is 404. Only what the caller sees can be a parent.
 */
@Service
class PartyOrganizations {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String SELECT = """
			select o.*, p.name as parent_name, r.name as region_name,
			       (select count(*) from party_member m where m.organization_id = o.id) as member_count,
			       (select coalesce(json_agg(json_build_object('id', g.id, 'code', g.code, 'name', g.name)
			                 order by og.position), '[]')
			        from party_organization_grid og join region g on g.id = og.grid_id
			        where og.organization_id = o.id) as grids
			from party_organization o left join party_organization p on p.id = o.parent_id
			join region r on r.id = o.region_id""";

	private final NamedParameterJdbcTemplate jdbc;

	private final OrganizationRules rules;

	private final AuditTrail audit;

	private final Clock clock;

	PartyOrganizations(NamedParameterJdbcTemplate jdbc, RegionService regions, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.rules = new OrganizationRules(jdbc, regions, clock);
		this.audit = audit;
		this.clock = clock;
	}

	record Filter(Long regionId, String type, Long parentId, String keyword) {
	}

	/** What a sync row did. */
	enum Outcome {

		CREATED, UPDATED, UNCHANGED

	}

	@Transactional
	PartyOrganizationView create(PartyOrganizationCommand command, ScopedPrincipal caller) {
		return view(insert(command, null, caller), caller);
	}

	@Transactional
	PartyOrganizationView update(long id, PartyOrganizationCommand command, ScopedPrincipal caller) {
		PartyOrganizationView current = view(id, caller);
		OrganizationRules.Valid valid = this.rules.check(command, current, caller);
		write(current, command.version() == null ? current.version() : command.version(), valid, current.externalId());
		this.audit.record(AuditRecord.success("PARTY_ORGANIZATION_UPDATE", "party-organization", id, valid.code()));
		return view(id, caller);
	}

	/**
	 * A row of the province system's push, by its external id: created, updated or left
	 * alone when nothing differs. Throws as {@link #create} does; nothing is written
	 * then.
	 */
	@Transactional
	Outcome sync(String externalId, PartyOrganizationCommand command, ScopedPrincipal caller) {
		Optional<Long> existing = this.jdbc
			.queryForList("select id from party_organization where external_id = :ext",
					new MapSqlParameterSource("ext", externalId), Long.class)
			.stream()
			.findFirst();
		if (existing.isEmpty()) {
			insert(command, externalId, caller);
			return Outcome.CREATED;
		}
		PartyOrganizationView current = view(existing.get(), caller);
		PartyOrganizationCommand keepCode = command.code() == null || command.code().isBlank()
				? new PartyOrganizationCommand(current.code(), command.name(), command.type(), command.parentId(),
						command.regionId(), command.gridIds(), command.secretaryName(), command.foundedOn(), null)
				: command;
		OrganizationRules.Valid valid = this.rules.check(keepCode, current, caller);
		if (valid.sameAs(current)) {
			return Outcome.UNCHANGED;
		}
		write(current, current.version(), valid, externalId);
		this.audit
			.record(AuditRecord.success("PARTY_ORGANIZATION_SYNC", "party-organization", current.id(), valid.code()));
		return Outcome.UPDATED;
	}

	@Transactional(readOnly = true)
	PartyOrganizationView view(long id, ScopedPrincipal caller) {
		return find(id, caller.scope()).orElseThrow(() -> new NotFoundException("party organization", id));
	}

	@Transactional(readOnly = true)
	Optional<PartyOrganizationView> find(long id, DataScope scope) {
		MapSqlParameterSource params = new MapSqlParameterSource("id", id);
		return this.jdbc
			.query(SELECT + " where o.id = :id and " + PartyScopes.organizationVisible("o", scope, params), params,
					PartyOrganizations::row)
			.stream()
			.findFirst();
	}

	/** The id of the organisation the province system knows by this id, if any. */
	@Transactional(readOnly = true)
	Optional<Long> idOfExternal(String externalId) {
		return this.jdbc
			.queryForList("select id from party_organization where external_id = :ext",
					new MapSqlParameterSource("ext", externalId), Long.class)
			.stream()
			.findFirst();
	}

	/** The id of the organisation with this code, whatever the scope (imports). */
	@Transactional(readOnly = true)
	Optional<Long> idOfCode(String code) {
		return this.jdbc
			.queryForList("select id from party_organization where code = :code",
					new MapSqlParameterSource("code", code.strip()), Long.class)
			.stream()
			.findFirst();
	}

	/** The code of an organisation, whatever the scope (exports). */
	@Transactional(readOnly = true)
	Optional<String> codeOf(long id) {
		return this.jdbc
			.queryForList("select code from party_organization where id = :id", new MapSqlParameterSource("id", id),
					String.class)
			.stream()
			.findFirst();
	}

	@Transactional(readOnly = true)
	PageResponse<PartyOrganizationView> list(Filter filter, PageQuery paging, ScopedPrincipal caller,
			RegionService regions) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		FieldErrors errors = new FieldErrors();
		DataScope area = PartyScopes.area(regions, filter.regionId(), caller);
		// the area lies inside the caller's scope: in it means its region or one of its
		// grids is
		StringBuilder where = new StringBuilder(PartyScopes.organizationVisible("o", area, params));
		if (filter.type() != null && !filter.type().isBlank()) {
			OrganizationType type = OrganizationType.parse(filter.type()).orElse(null);
			if (type == null) {
				errors.add("type", OrganizationRules.TYPES);
			}
			else {
				where.append(" and o.type = :type");
				params.addValue("type", type.name());
			}
		}
		if (filter.parentId() != null) {
			where.append(" and o.parent_id = :parentId");
			params.addValue("parentId", filter.parentId());
		}
		if (filter.keyword() != null && !filter.keyword().isBlank()) {
			where.append(" and (o.name like :q or o.code like :q or o.secretary_name like :q)");
			params.addValue("q", PartyScopes.like(filter.keyword()));
		}
		errors.throwIfAny();
		Pageable page = paging.toPageable(Sort.unsorted());
		Long total = this.jdbc.queryForObject("select count(*) from party_organization o where " + where, params,
				Long.class);
		params.addValue("limit", page.getPageSize()).addValue("offset", page.getOffset());
		List<PartyOrganizationView> items = this.jdbc.query(
				SELECT + " where " + where + " order by o.region_path, o.type, o.code limit :limit offset :offset",
				params, PartyOrganizations::row);
		return new PageResponse<>(items, total == null ? 0 : total, page.getPageNumber() + 1, page.getPageSize());
	}

	/**
	 * Every organisation in the area (already checked against the caller's scope), by
	 * type and code.
	 */
	@Transactional(readOnly = true)
	List<PartyOrganizationView> all(DataScope area) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		String where = PartyScopes.organizationVisible("o", area, params);
		return this.jdbc.query(SELECT + " where " + where + " order by o.type, o.code", params,
				PartyOrganizations::row);
	}

	private long insert(PartyOrganizationCommand command, String externalId, ScopedPrincipal caller) {
		OrganizationRules.Valid valid = this.rules.check(command, null, caller);
		MapSqlParameterSource params = params(valid).addValue("ext", externalId)
			.addValue("code", valid.code() == null ? "PENDING-" + System.nanoTime() : valid.code());
		long id = this.jdbc.queryForObject("""
				insert into party_organization (code, name, type, parent_id, region_id, region_path, secretary_name,
				    founded_on, external_id, created_at, updated_at)
				values (:code, :name, :type, :parent, :region, :path, :secretary, :founded, :ext, :now, :now)
				returning id""", params, Long.class);
		String code = valid.code();
		if (code == null) {
			code = valid.type().codePrefix() + valid.region().code() + String.format("%05d", id);
			this.jdbc.update("update party_organization set code = :code where id = :id",
					new MapSqlParameterSource("code", code).addValue("id", id));
		}
		placeInGrids(id, valid);
		this.audit.record(AuditRecord.success("PARTY_ORGANIZATION_CREATE", "party-organization", id, code));
		return id;
	}

	private void write(PartyOrganizationView current, int version, OrganizationRules.Valid valid, String externalId) {
		int updated = this.jdbc.update("""
				update party_organization set code = :code, name = :name, type = :type, parent_id = :parent,
				    region_id = :region, region_path = :path, secretary_name = :secretary, founded_on = :founded,
				    external_id = :ext, updated_at = :now, version = version + 1
				where id = :id and version = :version""",
				params(valid).addValue("code", valid.code() == null ? current.code() : valid.code())
					.addValue("ext", externalId)
					.addValue("id", current.id())
					.addValue("version", version));
		if (updated != 1) {
			throw new ConflictException("changed by someone else; reload / 数据已被他人修改，请刷新");
		}
		this.jdbc.update("delete from party_organization_grid where organization_id = :id",
				new MapSqlParameterSource("id", current.id()));
		placeInGrids(current.id(), valid);
		if (!valid.region().path().equals(regionPathOf(current))) {
			// unplaced members follow their organisation's region
			this.jdbc.update(
					"update party_member set region_path = :path where organization_id = :id and grid_id is null",
					new MapSqlParameterSource("path", valid.region().path()).addValue("id", current.id()));
		}
	}

	private String regionPathOf(PartyOrganizationView current) {
		return this.jdbc.queryForObject("select region_path from party_organization where id = :id",
				new MapSqlParameterSource("id", current.id()), String.class);
	}

	private void placeInGrids(long id, OrganizationRules.Valid valid) {
		for (int i = 0; i < valid.grids().size(); i++) {
			this.jdbc.update("""
					insert into party_organization_grid (organization_id, grid_id, grid_path, position)
					values (:id, :grid, :path, :position)""",
					new MapSqlParameterSource("id", id).addValue("grid", valid.grids().get(i).id())
						.addValue("path", valid.grids().get(i).path())
						.addValue("position", i));
		}
	}

	private MapSqlParameterSource params(OrganizationRules.Valid valid) {
		PartyOrganizationCommand c = valid.command();
		return new MapSqlParameterSource("name", c.name().strip()).addValue("type", valid.type().name())
			.addValue("parent", c.parentId())
			.addValue("region", valid.region().id())
			.addValue("path", valid.region().path())
			.addValue("secretary", OrganizationRules.blankToNull(c.secretaryName()))
			.addValue("founded", c.foundedOn())
			.addValue("now", Timestamp.from(this.clock.instant()));
	}

	static PartyOrganizationView row(ResultSet rs, int n) throws SQLException {
		List<Map<String, Object>> raw = JSON.readValue(rs.getString("grids"), new TypeReference<>() {
		});
		List<PartyOrganizationView.GridRef> grids = new ArrayList<>();
		for (Map<String, Object> g : raw) {
			grids.add(new PartyOrganizationView.GridRef(((Number) g.get("id")).longValue(), (String) g.get("code"),
					(String) g.get("name")));
		}
		return new PartyOrganizationView(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
				rs.getString("type"), rs.getObject("parent_id", Long.class), rs.getString("parent_name"),
				rs.getLong("region_id"), rs.getString("region_name"),
				grids.stream().map(PartyOrganizationView.GridRef::id).toList(), grids, rs.getString("secretary_name"),
				rs.getObject("founded_on", LocalDate.class), rs.getLong("member_count"), rs.getString("external_id"),
				rs.getInt("version"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}

}
