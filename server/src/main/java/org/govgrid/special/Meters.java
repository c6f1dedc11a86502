package org.govgrid.special;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.basedata.Households;
import org.govgrid.platform.ConflictException;
import org.govgrid.platform.DataScope;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.NotFoundException;
import org.govgrid.platform.PageQuery;
import org.govgrid.platform.PageResponse;
import org.govgrid.platform.ScopeFilter;
import org.govgrid.platform.ScopedPrincipal;
import org.govgrid.region.RegionService;
import org.govgrid.region.RegionSummary;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The meter registry, scoped like houses: a grid worker sees the meters of their grid's
 * houses, a grid chief those of their community, the centre and the leader their town; a
 * meter outside the caller's scope is 404. A meter lies in the grid of the house it
 * serves (a house of basedata inside the caller's scope).
 */
@Service
class Meters {

	private static final String SELECT = """
			select m.*, g.name as grid_name, last.read_at as last_read_at, last.value as last_value
			from utility_meter m join region g on g.id = m.grid_id
			left join lateral (select r.read_at, r.value from utility_reading r where r.meter_id = m.id
			    order by r.read_at desc limit 1) last on true""";

	private final NamedParameterJdbcTemplate jdbc;

	private final Households households;

	private final RegionService regions;

	private final AuditTrail audit;

	private final Clock clock;

	Meters(NamedParameterJdbcTemplate jdbc, Households households, RegionService regions, AuditTrail audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.households = households;
		this.regions = regions;
		this.audit = audit;
		this.clock = clock;
	}

	record Filter(String kind, Long regionId, Long gridId, String keyword) {
	}

	@Transactional
	MeterView create(MeterCommand command, ScopedPrincipal caller) {
		Valid valid = validate(command, caller);
		if (idOf(valid.kind(), valid.number()).isPresent()) {
			throw new ConflictException("a meter of this kind and number is registered / 该表号已登记");
		}
		long id = this.jdbc.queryForObject("""
				insert into utility_meter (kind, meter_number, house_id, grid_id, region_path, address, lon, lat,
				    status, note, created_at, updated_at)
				values (:kind, :number, :house, :grid, :path, :address, :lon, :lat, :status, :note, :now, :now)
				returning id""", params(valid), Long.class);
		this.audit
			.record(AuditRecord.success("METER_CREATE", "utility_meter", id, valid.kind() + " " + valid.number()));
		return view(id, caller);
	}

	@Transactional
	MeterView update(long id, MeterCommand command, ScopedPrincipal caller) {
		MeterView current = view(id, caller);
		Valid valid = validate(command, caller);
		idOf(valid.kind(), valid.number()).filter(other -> other != id).ifPresent(other -> {
			throw new ConflictException("another meter has this kind and number / 该表号已被其他表计使用");
		});
		int updated = this.jdbc.update("""
				update utility_meter set kind = :kind, meter_number = :number, house_id = :house, grid_id = :grid,
				    region_path = :path, address = :address, lon = :lon, lat = :lat, status = :status, note = :note,
				    updated_at = :now, version = version + 1
				where id = :id and version = :version""", params(valid).addValue("id", id)
			.addValue("version", command.version() == null ? current.version() : command.version()));
		if (updated != 1) {
			throw new ConflictException("changed by someone else; reload / 数据已被他人修改，请刷新");
		}
		this.audit
			.record(AuditRecord.success("METER_UPDATE", "utility_meter", id, valid.kind() + " " + valid.number()));
		return view(id, caller);
	}

	@Transactional(readOnly = true)
	MeterView view(long id, ScopedPrincipal caller) {
		MapSqlParameterSource params = new MapSqlParameterSource("id", id);
		return this.jdbc
			.query(SELECT + " where m.id = :id and " + ScopeFilter.of(caller.scope(), "m.region_path").addTo(params),
					params, Meters::row)
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("meter", id));
	}

	@Transactional(readOnly = true)
	PageResponse<MeterView> list(Filter filter, PageQuery paging, ScopedPrincipal caller) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		String where = where(filter, caller, params);
		Pageable page = paging.toPageable(Sort.unsorted());
		Long total = this.jdbc.queryForObject("select count(*) from utility_meter m where " + where, params,
				Long.class);
		params.addValue("limit", page.getPageSize()).addValue("offset", page.getOffset());
		List<MeterView> items = this.jdbc.query(
				SELECT + " where " + where + " order by m.updated_at desc, m.id desc limit :limit offset :offset",
				params, Meters::row);
		return new PageResponse<>(items, total == null ? 0 : total, page.getPageNumber() + 1, page.getPageSize());
	}

	private String where(Filter filter, ScopedPrincipal caller, MapSqlParameterSource params) {
		FieldErrors errors = new FieldErrors();
		StringBuilder where = new StringBuilder(
				ScopeFilter.of(area(filter.regionId(), caller), "m.region_path").addTo(params));
		if (filter.gridId() != null) {
			where.append(" and m.grid_id = :gridId");
			params.addValue("gridId", filter.gridId());
		}
		if (filter.kind() != null && !filter.kind().isBlank()) {
			MeterKind kind = MeterKind.parse(filter.kind());
			if (kind == null) {
				errors.add("kind", "WATER, ELECTRICITY or GAS / 表计类型须为水表、电表或燃气表");
			}
			else {
				where.append(" and m.kind = :kind");
				params.addValue("kind", kind.name());
			}
		}
		if (filter.keyword() != null && !filter.keyword().isBlank()) {
			where.append(" and (m.meter_number like :q or m.address like :q)");
			params.addValue("q",
					"%" + filter.keyword().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		errors.throwIfAny();
		return where.toString();
	}

	/** The named region if the caller may see it (else 404), or the caller's own area. */
	private DataScope area(Long regionId, ScopedPrincipal caller) {
		if (regionId == null) {
			return caller.scope();
		}
		RegionSummary region = this.regions.find(regionId)
			.filter(r -> caller.scope().covers(r.path()))
			.orElseThrow(() -> new NotFoundException("region", regionId));
		return new DataScope(region.id(), region.path());
	}

	private Optional<Long> idOf(MeterKind kind, String number) {
		return this.jdbc
			.queryForList("select id from utility_meter where kind = :kind and meter_number = :number",
					new MapSqlParameterSource("kind", kind.name()).addValue("number", number), Long.class)
			.stream()
			.findFirst();
	}

	private Valid validate(MeterCommand c, ScopedPrincipal caller) {
		FieldErrors errors = new FieldErrors();
		MeterKind kind = MeterKind.parse(c.kind());
		if (kind == null) {
			errors.add("kind", "WATER, ELECTRICITY or GAS / 表计类型须为水表、电表或燃气表");
		}
		String number = c.meterNumber() == null ? null : c.meterNumber().strip();
		if (number == null || number.isEmpty()) {
			errors.add("meterNumber", "required / 必填");
		}
		else if (!number.matches("[A-Za-z0-9_-]{1,40}")) {
			errors.add("meterNumber", "1–40 letters, digits, - or _ / 表号为1至40位字母、数字、-或_");
		}
		String status = c.status() == null || c.status().isBlank() ? "ACTIVE" : c.status().strip();
		if (!status.equals("ACTIVE") && !status.equals("REMOVED")) {
			errors.add("status", "ACTIVE or REMOVED / 状态须为在用或已拆除");
		}
		if (c.note() != null && c.note().strip().length() > 200) {
			errors.add("note", "at most 200 characters / 最多200个字符");
		}
		Households.HouseSpot house = null;
		if (c.houseId() == null) {
			errors.add("houseId", "required / 必填");
		}
		else {
			house = this.households.find(c.houseId(), caller.scope()).orElse(null);
			if (house == null) {
				errors.add("houseId", "no such house in your area / 房屋不存在或不在您的辖区");
			}
		}
		errors.throwIfAny();
		String note = c.note() == null || c.note().isBlank() ? null : c.note().strip();
		return new Valid(kind, number, house, status, note);
	}

	private MapSqlParameterSource params(Valid valid) {
		return new MapSqlParameterSource("kind", valid.kind().name()).addValue("number", valid.number())
			.addValue("house", valid.house().id())
			.addValue("grid", valid.house().gridId())
			.addValue("path", valid.house().regionPath())
			.addValue("address", valid.house().address())
			.addValue("lon", valid.house().lon())
			.addValue("lat", valid.house().lat())
			.addValue("status", valid.status())
			.addValue("note", valid.note())
			.addValue("now", Timestamp.from(this.clock.instant()));
	}

	private static MeterView row(ResultSet rs, int n) throws SQLException {
		MeterKind kind = MeterKind.valueOf(rs.getString("kind"));
		Timestamp last = rs.getTimestamp("last_read_at");
		return new MeterView(rs.getLong("id"), kind.name(), kind.label(), kind.unit(), rs.getString("meter_number"),
				rs.getLong("house_id"), rs.getString("address"), rs.getLong("grid_id"), rs.getString("grid_name"),
				rs.getObject("lon", Double.class), rs.getObject("lat", Double.class), rs.getString("status"),
				rs.getString("note"), last == null ? null : last.toInstant(), rs.getObject("last_value", Double.class),
				rs.getInt("version"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}

	private record Valid(MeterKind kind, String number, Households.HouseSpot house, String status, String note) {
	}

}
