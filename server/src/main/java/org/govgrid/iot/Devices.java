package org.govgrid.iot;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.identity.Directory;
import org.govgrid.iot.model.DeviceKind;
import org.govgrid.iot.model.DeviceState;
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
 * The device registry, scoped like base data: a grid worker sees the devices of their
 * grid, a chief those of their community, the centre and the leader their town; a device
 * outside the caller's scope is 404. Each device lies in the grid its point falls in (or
 * the grid named, inside the caller's scope).
 */
@Service
class Devices {

	static final String SELECT = """
			select d.*, g.name as grid_name, k.name as kind_name
			from iot_device d join region g on g.id = d.grid_id join iot_device_kind k on k.kind = d.kind""";

	private final NamedParameterJdbcTemplate jdbc;

	private final DevicePlaces places;

	private final Directory directory;

	private final AuditTrail audit;

	private final Clock clock;

	Devices(NamedParameterJdbcTemplate jdbc, RegionService regions, Directory directory, AuditTrail audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.places = new DevicePlaces(regions, directory);
		this.directory = directory;
		this.audit = audit;
		this.clock = clock;
	}

	record Filter(Long regionId, String kind, String state, String q) {
	}

	@Transactional
	DeviceView create(DeviceCommand command, ScopedPrincipal caller) {
		DevicePlaces.Valid valid = this.places.validate(command, caller);
		if (idOf(valid.code()).isPresent()) {
			throw new ConflictException("a device with this code is registered / 该设备编码已登记");
		}
		DeviceState state = DeviceState.OFFLINE;
		if (valid.state() == DeviceState.DISABLED) {
			state = state.disable();
		}
		long id = this.jdbc.queryForObject("""
				insert into iot_device (code, kind, name, lon, lat, grid_id, region_path, address, owner_department_id,
				    state, created_at, updated_at)
				values (:code, :kind, :name, :lon, :lat, :grid, :path, :address, :owner, :state, :now, :now)
				returning id""", params(command, valid).addValue("state", state.name()), Long.class);
		this.audit.record(AuditRecord.success("IOT_DEVICE_CREATE", "iot-device", id, valid.code()));
		return view(id, caller);
	}

	@Transactional
	DeviceView update(long id, DeviceCommand command, ScopedPrincipal caller) {
		DeviceView current = view(id, caller);
		DevicePlaces.Valid valid = this.places.validate(command, caller);
		idOf(valid.code()).filter(other -> other != id).ifPresent(other -> {
			throw new ConflictException("another device has this code / 该设备编码已被其他设备使用");
		});
		DeviceState state = DeviceState.valueOf(current.state());
		if (valid.state() == DeviceState.DISABLED && state != DeviceState.DISABLED) {
			state = state.disable();
		}
		else if (valid.state() != null && valid.state() != DeviceState.DISABLED && state == DeviceState.DISABLED) {
			state = state.enable();
		}
		int updated = this.jdbc.update("""
				update iot_device set code = :code, kind = :kind, name = :name, lon = :lon, lat = :lat, grid_id = :grid,
				    region_path = :path, address = :address, owner_department_id = :owner, state = :state,
				    updated_at = :now, version = version + 1
				where id = :id and version = :version""",
				params(command, valid).addValue("state", state.name())
					.addValue("id", id)
					.addValue("version", command.version() == null ? current.version() : command.version()));
		if (updated != 1) {
			throw new ConflictException("changed by someone else; reload / 数据已被他人修改，请刷新");
		}
		this.audit.record(AuditRecord.success("IOT_DEVICE_UPDATE", "iot-device", id, valid.code() + " " + state));
		return view(id, caller);
	}

	@Transactional(readOnly = true)
	DeviceView view(long id, ScopedPrincipal caller) {
		MapSqlParameterSource params = new MapSqlParameterSource("id", id);
		DeviceView device = this.jdbc
			.query(SELECT + " where d.id = :id and " + ScopeFilter.of(caller.scope(), "d.region_path").addTo(params),
					params, Devices::row)
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("iot device", id));
		return named(List.of(device)).get(0);
	}

	@Transactional(readOnly = true)
	PageResponse<DeviceView> list(Filter filter, PageQuery paging, ScopedPrincipal caller) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		String where = where(filter, caller, params);
		Pageable page = paging.toPageable(Sort.unsorted());
		Long total = this.jdbc.queryForObject("select count(*) from iot_device d where " + where, params, Long.class);
		params.addValue("limit", page.getPageSize()).addValue("offset", page.getOffset());
		List<DeviceView> items = this.jdbc.query(
				SELECT + " where " + where + " order by d.code, d.id limit :limit offset :offset", params,
				Devices::row);
		return new PageResponse<>(named(items), total == null ? 0 : total, page.getPageNumber() + 1,
				page.getPageSize());
	}

	/** Up to {@code limit} devices of an area (already checked) inside the box, by id. */
	@Transactional(readOnly = true)
	List<DeviceView> points(DataScope area, double[] box, int limit) {
		MapSqlParameterSource params = new MapSqlParameterSource("limit", limit);
		StringBuilder where = new StringBuilder(ScopeFilter.of(area, "d.region_path").addTo(params));
		if (box != null) {
			where.append(" and d.lon between :minLon and :maxLon and d.lat between :minLat and :maxLat");
			params.addValue("minLon", box[0])
				.addValue("minLat", box[1])
				.addValue("maxLon", box[2])
				.addValue("maxLat", box[3]);
		}
		return this.jdbc.query(SELECT + " where " + where + " order by d.id limit :limit", params, Devices::row);
	}

	/** A registered device by its code, whatever the scope (the message intake's). */
	Optional<Stored> byCode(String code) {
		return this.jdbc
			.query(SELECT + " where d.code = :code", new MapSqlParameterSource("code", code),
					(rs, n) -> new Stored(row(rs, n), rs.getString("region_path")))
			.stream()
			.findFirst();
	}

	/** A device with the path its scope is judged by. */
	record Stored(DeviceView view, String regionPath) {
	}

	private String where(Filter filter, ScopedPrincipal caller, MapSqlParameterSource params) {
		FieldErrors errors = new FieldErrors();
		StringBuilder where = new StringBuilder(
				ScopeFilter.of(this.places.area(filter.regionId(), caller), "d.region_path").addTo(params));
		if (filter.kind() != null && !filter.kind().isBlank()) {
			DeviceKind.of(filter.kind()).ifPresentOrElse(kind -> {
				where.append(" and d.kind = :kind");
				params.addValue("kind", kind.name());
			}, () -> errors.add("kind", DevicePlaces.KINDS));
		}
		if (filter.state() != null && !filter.state().isBlank()) {
			DeviceState state = DevicePlaces.state(filter.state(), errors);
			if (state != null) {
				where.append(" and d.state = :state");
				params.addValue("state", state.name());
			}
		}
		if (filter.q() != null && !filter.q().isBlank()) {
			where.append(" and (d.code like :q or d.name like :q or d.address like :q)");
			params.addValue("q",
					"%" + filter.q().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		errors.throwIfAny();
		return where.toString();
	}

	private List<DeviceView> named(List<DeviceView> devices) {
		Map<Long, String> names = this.directory.departmentNames(
				devices.stream().map(DeviceView::ownerDepartmentId).filter(Objects::nonNull).distinct().toList());
		return devices.stream()
			.map(d -> d.ownerDepartmentId() == null ? d : d.withOwnerName(names.get(d.ownerDepartmentId())))
			.toList();
	}

	private Optional<Long> idOf(String code) {
		return this.jdbc
			.queryForList("select id from iot_device where code = :code", new MapSqlParameterSource("code", code),
					Long.class)
			.stream()
			.findFirst();
	}

	private MapSqlParameterSource params(DeviceCommand c, DevicePlaces.Valid valid) {
		RegionSummary grid = valid.grid();
		return new MapSqlParameterSource("code", valid.code()).addValue("kind", valid.kind().name())
			.addValue("name", c.name().strip())
			.addValue("lon", c.lon())
			.addValue("lat", c.lat())
			.addValue("grid", grid.id())
			.addValue("path", grid.path())
			.addValue("address", c.address() == null || c.address().isBlank() ? null : c.address().strip())
			.addValue("owner", c.ownerDepartmentId())
			.addValue("now", Timestamp.from(this.clock.instant()));
	}

	static DeviceView row(ResultSet rs, int n) throws SQLException {
		Timestamp seen = rs.getTimestamp("last_seen_at");
		return new DeviceView(rs.getLong("id"), rs.getString("code"), rs.getString("kind"), rs.getString("kind_name"),
				rs.getString("name"), rs.getLong("grid_id"), rs.getString("grid_name"), rs.getDouble("lon"),
				rs.getDouble("lat"), rs.getString("address"), rs.getObject("owner_department_id", Long.class), null,
				rs.getString("state"), rs.getObject("battery", Integer.class), seen == null ? null : seen.toInstant(),
				rs.getInt("version"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}

}
