package org.govgrid.basedata;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Consumer;

import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.platform.ConflictException;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.NotFoundException;
import org.govgrid.platform.PageQuery;
import org.govgrid.platform.PageResponse;
import org.govgrid.platform.ScopedPrincipal;
import org.govgrid.region.RegionSummary;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 非公有制经济组织 and 社会组织, within the caller's scope; the unified social credit code (checked,
 * GB 32100) is the natural key.
 */
@Service
public class Organizations {

	private static final String SELECT = """
			select r.*, g.name as grid_name from bd_organization r join region g on g.id = r.grid_id""";

	private final NamedParameterJdbcTemplate jdbc;

	private final ScopedRows<OrganizationView> rows;

	private final Placement placement;

	private final Dicts dicts;

	private final AuditTrail audit;

	private final Clock clock;

	private final ApplicationEventPublisher publisher;

	Organizations(NamedParameterJdbcTemplate jdbc, Placement placement, Dicts dicts, AuditTrail audit, Clock clock,
			ApplicationEventPublisher publisher) {
		this.jdbc = jdbc;
		this.rows = new ScopedRows<>(jdbc, SELECT, "bd_organization", "r", this::row);
		this.placement = placement;
		this.dicts = dicts;
		this.audit = audit;
		this.clock = clock;
		this.publisher = publisher;
	}

	public record Filter(String q, Long gridId, String kind, String hazardType) {
	}

	/** The result of an import row: the organisation and whether the row created it. */
	public record Saved(long id, boolean created) {
	}

	@Transactional
	public OrganizationView create(OrganizationCommand command, ScopedPrincipal caller) {
		RegionSummary grid = validate(command, caller);
		if (findIdByCreditCode(command.creditCode()).isPresent()) {
			throw new ConflictException("an organisation with this credit code is registered / 该统一社会信用代码已登记");
		}
		long id = this.jdbc.queryForObject(
				"""
						insert into bd_organization (name, org_kind, credit_code, legal_representative, staff_count, hazard_type,
						    party_member_count, has_party_org, address, grid_id, region_path, lon, lat, status, valid_from,
						    valid_to, created_at, updated_at)
						values (:name, :kind, :code, :legal, :staff, :hazard, :party, :partyOrg, :address, :grid, :path, :lon,
						    :lat, :status, :validFrom, :validTo, :now, :now)
						returning id""",
				params(command, grid), Long.class);
		changed("ORGANIZATION_CREATE", id, grid);
		return view(id, caller);
	}

	@Transactional
	public OrganizationView update(long id, OrganizationCommand command, ScopedPrincipal caller) {
		OrganizationView current = view(id, caller);
		RegionSummary grid = validate(command, caller);
		findIdByCreditCode(command.creditCode()).filter(other -> other != id).ifPresent(other -> {
			throw new ConflictException("another organisation has this credit code / 该统一社会信用代码已被其他组织使用");
		});
		MapSqlParameterSource params = params(command, grid).addValue("id", id)
			.addValue("version", command.version() == null ? current.version() : command.version());
		int updated = this.jdbc.update("""
				update bd_organization set name = :name, org_kind = :kind, credit_code = :code,
				    legal_representative = :legal, staff_count = :staff, hazard_type = :hazard,
				    party_member_count = :party, has_party_org = :partyOrg, address = :address, grid_id = :grid,
				    region_path = :path, lon = :lon, lat = :lat, status = :status, valid_from = :validFrom,
				    valid_to = :validTo, updated_at = :now, version = version + 1
				where id = :id and version = :version""", params);
		if (updated != 1) {
			throw new ConflictException("changed by someone else; reload / 数据已被他人修改，请刷新");
		}
		changed("ORGANIZATION_UPDATE", id, grid);
		return view(id, caller);
	}

	/**
	 * An import row: updates the organisation with the same credit code (if in the
	 * caller's scope) or registers a new one. Throws as {@link #create} does; nothing is
	 * written then.
	 */
	@Transactional
	public Saved upsert(OrganizationCommand command, ScopedPrincipal caller) {
		Optional<Long> existing = findIdByCreditCode(command.creditCode());
		if (existing.isPresent()) {
			OrganizationView current = find(existing.get(), caller).orElseThrow(() -> new ConflictException(
					"this credit code is registered outside your area / 该统一社会信用代码已在其他辖区登记"));
			update(current.id(),
					new OrganizationCommand(command.name(), command.kind(), command.creditCode(),
							command.legalRepresentative(), command.staffCount(), command.hazardType(),
							command.partyMemberCount(), command.hasPartyOrg(), command.address(), command.gridId(),
							command.lon(), command.lat(), command.status(), command.validFrom(), command.validTo(),
							current.version()),
					caller);
			return new Saved(current.id(), false);
		}
		return new Saved(create(command, caller).id(), true);
	}

	@Transactional(readOnly = true)
	public OrganizationView view(long id, ScopedPrincipal caller) {
		return find(id, caller).orElseThrow(() -> new NotFoundException("organization", id));
	}

	@Transactional(readOnly = true)
	public Optional<OrganizationView> find(long id, ScopedPrincipal caller) {
		return this.rows.find(id, caller.scope());
	}

	@Transactional(readOnly = true)
	public PageResponse<OrganizationView> list(Filter filter, PageQuery paging, ScopedPrincipal caller) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		return this.rows.page(where(filter, caller, params), params, paging);
	}

	/** Every organisation matching the filter, streamed in id order (exports). */
	@Transactional(readOnly = true)
	public void forEach(Filter filter, ScopedPrincipal caller, Consumer<OrganizationView> action) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		this.rows.forEach(where(filter, caller, params), params, action);
	}

	private String where(Filter filter, ScopedPrincipal caller, MapSqlParameterSource params) {
		if (Checks.present(filter.q())) {
			params.addValue("code", CreditCodes.normalise(filter.q()));
		}
		return new ListFilter("r", caller.scope(), params)
			.matching(filter.q(), "r.name like :q or r.address like :q or r.credit_code = :code")
			.equal("grid_id", filter.gridId())
			.code(this.dicts, "kind", "ORG_KIND", "org_kind", filter.kind())
			.code(this.dicts, "hazardType", "HAZARD_TYPE", "hazard_type", filter.hazardType())
			.sql();
	}

	Optional<Long> findIdByCreditCode(String creditCode) {
		if (!Checks.present(creditCode)) {
			return Optional.empty();
		}
		return this.jdbc
			.queryForList("select id from bd_organization where credit_code = :code",
					new MapSqlParameterSource("code", CreditCodes.normalise(creditCode)), Long.class)
			.stream()
			.findFirst();
	}

	private RegionSummary validate(OrganizationCommand c, ScopedPrincipal caller) {
		FieldErrors errors = new FieldErrors();
		Checks.required(errors, "name", c.name(), 200);
		Checks.code(errors, this.dicts, "kind", "ORG_KIND", c.kind(), true);
		CreditCodes.problem(c.creditCode()).ifPresent(problem -> errors.add("creditCode", problem));
		Checks.length(errors, "legalRepresentative", c.legalRepresentative(), 50);
		Checks.notNegative(errors, "staffCount", c.staffCount());
		Checks.code(errors, this.dicts, "hazardType", "HAZARD_TYPE", c.hazardType(), false);
		Checks.notNegative(errors, "partyMemberCount", c.partyMemberCount());
		Checks.required(errors, "address", c.address(), 200);
		Checks.oneOf(errors, "status", c.status(), Checks.OBJECT_STATUSES);
		Checks.validity(errors, c.validFrom(), c.validTo());
		Placement.checkLocation(c.lon(), c.lat(), errors);
		RegionSummary grid = this.placement.grid(c.gridId(), null, c.lon(), c.lat(), caller, errors);
		errors.throwIfAny();
		return grid;
	}

	private MapSqlParameterSource params(OrganizationCommand c, RegionSummary grid) {
		return new MapSqlParameterSource("name", c.name().strip()).addValue("kind", c.kind())
			.addValue("code", CreditCodes.normalise(c.creditCode()))
			.addValue("legal", Checks.blankToNull(c.legalRepresentative()))
			.addValue("staff", c.staffCount())
			.addValue("hazard", Checks.blankToNull(c.hazardType()))
			.addValue("party", c.partyMemberCount())
			.addValue("partyOrg", Boolean.TRUE.equals(c.hasPartyOrg()))
			.addValue("address", c.address().strip())
			.addValue("grid", grid.id())
			.addValue("path", grid.path())
			.addValue("lon", c.lon())
			.addValue("lat", c.lat())
			.addValue("status", c.status() == null ? "ACTIVE" : c.status())
			.addValue("validFrom", c.validFrom())
			.addValue("validTo", c.validTo())
			.addValue("now", Timestamp.from(this.clock.instant()));
	}

	private void changed(String action, long id, RegionSummary grid) {
		this.audit.record(AuditRecord.success(action, "organization", id, grid.code()));
		this.publisher.publishEvent(new BaseDataChanged(BaseDataKind.ORGANIZATION, id, false));
	}

	private OrganizationView row(ResultSet rs, int n) throws SQLException {
		String kind = rs.getString("org_kind");
		String hazard = rs.getString("hazard_type");
		return new OrganizationView(rs.getLong("id"), rs.getString("name"), kind, this.dicts.name("ORG_KIND", kind),
				rs.getString("credit_code"), rs.getString("legal_representative"),
				rs.getObject("staff_count", Integer.class), hazard, this.dicts.name("HAZARD_TYPE", hazard),
				rs.getObject("party_member_count", Integer.class), rs.getBoolean("has_party_org"),
				rs.getString("address"), rs.getLong("grid_id"), rs.getString("grid_name"),
				rs.getObject("lon", Double.class), rs.getObject("lat", Double.class), rs.getString("status"),
				rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
				rs.getInt("version"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}

}
