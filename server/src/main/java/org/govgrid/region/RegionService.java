package org.govgrid.region;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.platform.DataScope;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.NotFoundException;
import org.govgrid.platform.ScopeFilter;
import org.govgrid.region.RegionCommands.CreateRegion;
import org.govgrid.region.RegionCommands.UpdateRegion;
import org.govgrid.region.RegionViews.Feature;
import org.govgrid.region.RegionViews.FeatureCollection;
import org.govgrid.region.RegionViews.RegionDetail;
import org.govgrid.region.RegionViews.RegionNode;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrative hierarchy. Every read takes the caller's {@link DataScope}: a region
 * outside it answers as if it did not exist (404). Writers may only add or change regions
 * inside their scope.
 */
@Service
public class RegionService {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final RegionRepository regions;

	private final GridLocator locator;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	private final NamedParameterJdbcTemplate jdbc;

	private final BoundaryPlacement placement;

	RegionService(RegionRepository regions, GridLocator locator, ApplicationEventPublisher events, AuditTrail audit,
			NamedParameterJdbcTemplate jdbc, BoundaryPlacement placement) {
		this.jdbc = jdbc;
		this.placement = placement;
		this.regions = regions;
		this.locator = locator;
		this.events = events;
		this.audit = audit;
	}

	/** A region by id regardless of scope, for other modules' own checks. */
	@Transactional(readOnly = true)
	public Optional<RegionSummary> find(long id) {
		return this.regions.findById(id).map(Region::summary);
	}

	/** Names of several regions at once, regardless of scope (for list views). */
	@Transactional(readOnly = true)
	public Map<Long, String> namesOf(java.util.Collection<Long> ids) {
		Map<Long, String> names = new HashMap<>();
		if (!ids.isEmpty()) {
			this.jdbc.query("select id, name from region where id in (:ids)", new MapSqlParameterSource("ids", ids),
					(org.springframework.jdbc.core.RowCallbackHandler) rs -> names.put(rs.getLong("id"),
							rs.getString("name")));
		}
		return names;
	}

	/**
	 * The centre point {lon, lat} of a region with a boundary (a point inside it, also
	 * for concave shapes), regardless of scope.
	 */
	@Transactional(readOnly = true)
	public Optional<double[]> centre(long id) {
		return this.jdbc
			.query("select center_lon, center_lat from region where id = :id and center_lon is not null",
					new MapSqlParameterSource("id", id),
					(rs, n) -> new double[] { rs.getDouble("center_lon"), rs.getDouble("center_lat") })
			.stream()
			.findFirst();
	}

	/** A region's boundary as GeoJSON text, regardless of scope. */
	@Transactional(readOnly = true)
	public Optional<String> boundary(long id) {
		return this.jdbc
			.queryForList("select boundary from region where id = :id and boundary is not null",
					new MapSqlParameterSource("id", id), String.class)
			.stream()
			.findFirst();
	}

	@Transactional(readOnly = true)
	public Optional<RegionSummary> findByCode(String code) {
		return this.regions.findByCode(code).map(Region::summary);
	}

	/**
	 * Several regions at once by their codes or ids (either may be empty), regardless of
	 * scope (for reports that name thousands of grids).
	 */
	@Transactional(readOnly = true)
	public java.util.List<RegionSummary> findAll(java.util.Collection<String> codes, java.util.Collection<Long> ids) {
		if (codes.isEmpty() && ids.isEmpty()) {
			return java.util.List.of();
		}
		return this.jdbc.query(
				"select id, code, name, level, parent_id, path from region where code in (:codes) or id in (:ids)",
				new MapSqlParameterSource("codes", codes.isEmpty() ? java.util.List.of("") : codes).addValue("ids",
						ids.isEmpty() ? java.util.List.of(-1L) : ids),
				(rs, n) -> new RegionSummary(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
						RegionLevel.valueOf(rs.getString("level")), rs.getObject("parent_id", Long.class),
						rs.getString("path")));
	}

	/**
	 * The regions along a materialised path, from the top down (for a grid: city,
	 * district, town, community, grid).
	 */
	@Transactional(readOnly = true)
	public java.util.List<RegionSummary> lineage(String path) {
		java.util.List<String> codes = java.util.List.of(path.split("/"));
		return this.jdbc.query(
				"select id, code, name, level, parent_id, path from region where code in (:codes)"
						+ " order by length(path)",
				new MapSqlParameterSource("codes", codes),
				(rs, n) -> new RegionSummary(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
						RegionLevel.valueOf(rs.getString("level")), rs.getObject("parent_id", Long.class),
						rs.getString("path")));
	}

	/** The grid containing a point, regardless of scope (for placing reports). */
	public Optional<RegionSummary> gridAt(double lon, double lat) {
		return this.locator.locate(lon, lat)
			.map(d -> new RegionSummary(d.id(), d.code(), d.name(), d.level(), d.parentId(), d.path()));
	}

	/**
	 * Creates a region as the system (set-up and demo data), with the same validation as
	 * the API; the boundary is GeoJSON text or {@code null}.
	 */
	@Transactional
	public RegionSummary provision(RegionLevel level, Long parentId, String code, String name, String boundary) {
		JsonNode geometry = boundary == null ? null : JSON.readTree(boundary);
		long id = create(new CreateRegion(parentId, level, code, name, geometry), DataScope.SYSTEM).id();
		return find(id).orElseThrow();
	}

	/**
	 * The caller's scope region with everything below it, down to {@code deepest}. Reads
	 * only the columns a tree needs (boundaries stay in the database).
	 */
	@Transactional(readOnly = true)
	List<RegionNode> tree(DataScope scope, RegionLevel deepest) {
		List<String> levels = java.util.Arrays.stream(RegionLevel.values())
			.filter(level -> deepest == null || level.ordinal() <= deepest.ordinal())
			.map(Enum::name)
			.toList();
		MapSqlParameterSource params = new MapSqlParameterSource("levels", levels);
		String inScope = " and " + ScopeFilter.of(scope, "path").addTo(params);
		Map<Long, RegionNode> nodes = new LinkedHashMap<>();
		this.jdbc.query("select id, parent_id, level, code, name, path from region where level in (:levels)" + inScope
				+ " order by path", params, (rs, n) -> {
					RegionNode node = new RegionNode(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
							RegionLevel.valueOf(rs.getString("level")), (Long) rs.getObject("parent_id", Long.class),
							rs.getString("path"), new java.util.ArrayList<>());
					nodes.put(node.id(), node);
					return null;
				});
		List<RegionNode> roots = new java.util.ArrayList<>();
		for (RegionNode node : nodes.values()) {
			RegionNode parent = node.parentId() == null ? null : nodes.get(node.parentId());
			if (parent == null) {
				roots.add(node);
			}
			else {
				parent.children().add(node);
			}
		}
		return roots;
	}

	@Transactional(readOnly = true)
	RegionDetail get(long id, DataScope scope) {
		return RegionDetail.of(visible(id, scope));
	}

	/** Answered from the in-memory index alone: this is on the path of every report. */
	RegionDetail locate(double lon, double lat, DataScope scope) {
		return this.locator.locate(lon, lat)
			.filter(grid -> scope.covers(grid.path()))
			.orElseThrow(() -> new NotFoundException("grid at", lon + "," + lat));
	}

	/** Every grid under a visible region; inside the scope by construction. */
	@Transactional(readOnly = true)
	FeatureCollection gridsUnder(long id, DataScope scope) {
		Region root = visible(id, scope);
		MapSqlParameterSource params = new MapSqlParameterSource();
		List<Feature> features = this.jdbc.query("""
				select g.id, g.code, g.name, g.parent_id, p.name as parent_name, g.boundary
				from region g left join region p on p.id = g.parent_id
				where g.level = 'GRID' and g.boundary is not null and %s
				order by g.path""".formatted(ScopeFilter.at(root.getPath(), "g.path", "area").addTo(params)), params,
				(rs, n) -> {
					Map<String, Object> properties = new LinkedHashMap<>();
					properties.put("id", rs.getLong("id"));
					properties.put("code", rs.getString("code"));
					properties.put("name", rs.getString("name"));
					properties.put("parentId", rs.getObject("parent_id", Long.class));
					properties.put("parentName", rs.getString("parent_name"));
					return new Feature(rs.getString("boundary"), properties);
				});
		return new FeatureCollection(features);
	}

	@Transactional
	RegionDetail create(CreateRegion command, DataScope scope) {
		FieldErrors errors = new FieldErrors();
		Region parent = null;
		if (command.level() == null) {
			errors.add("level", "required: CITY, DISTRICT, TOWN, COMMUNITY or GRID / 层级必填");
		}
		if (command.parentId() != null) {
			parent = this.regions.findById(command.parentId()).filter(p -> scope.covers(p.getPath())).orElse(null);
			if (parent == null) {
				errors.add("parentId", "no such region in your scope / 上级区域不存在或不在您的管辖范围内");
			}
		}
		else if (command.level() != null && command.level() != RegionLevel.CITY) {
			errors.add("parentId", "required below city level / 非市级区域须指定上级");
		}
		else if (!scope.path().isEmpty()) {
			errors.add("parentId", "only the system may create a city / 仅系统可创建市级区域");
		}
		if (parent != null && command.level() != null && parent.getLevel().childLevel() != command.level()) {
			errors.add("level",
					"a " + parent.getLevel() + " can only contain " + parent.getLevel().childLevel() + " / 层级与上级不匹配");
		}
		validateCode(command, parent, errors);
		validateName(command.name(), errors);
		Geometry shape = null;
		if (command.boundary() != null) {
			shape = Boundaries.read(command.boundary(), "boundary", errors);
		}
		else if (command.level() == RegionLevel.GRID) {
			errors.add("boundary", "a grid needs a boundary / 网格须有边界");
		}
		if (shape != null && command.level() != null) {
			add(this.placement.check(shape, parent), errors);
		}
		errors.throwIfAny();

		Region region = new Region(parent, command.level(), command.code(), command.name().trim());
		region.placeBoundary(shape == null ? null : command.boundary().toString(), shape);
		this.regions.save(region);
		this.events.publishEvent(new GridLocator.BoundaryChanged(region.getId()));
		this.audit.record(AuditRecord.success("REGION_CREATE", "region", region.getId(),
				region.getLevel() + " " + region.getCode() + " " + region.getName()));
		return RegionDetail.of(region);
	}

	@Transactional
	RegionDetail update(long id, UpdateRegion command, DataScope scope) {
		Region region = visible(id, scope);
		FieldErrors errors = new FieldErrors();
		if (command.name() != null) {
			validateName(command.name(), errors);
		}
		Geometry shape = null;
		if (command.boundary() != null) {
			shape = Boundaries.read(command.boundary(), "boundary", errors);
			if (shape != null) {
				Region parent = region.getParentId() == null ? null
						: this.regions.findById(region.getParentId()).orElse(null);
				add(this.placement.check(shape, parent, java.util.Set.of(region.getId())), errors);
				add(this.placement.childrenStayInside(shape, region), errors);
			}
		}
		errors.throwIfAny();
		if (command.name() != null) {
			region.rename(command.name().trim());
		}
		if (shape != null) {
			region.placeBoundary(command.boundary().toString(), shape);
			this.events.publishEvent(new GridLocator.BoundaryChanged(region.getId()));
		}
		this.audit.record(AuditRecord.success("REGION_UPDATE", "region", region.getId(), region.getCode()
				+ (shape != null ? " boundary changed" : "") + (command.name() != null ? " renamed" : "")));
		return RegionDetail.of(region);
	}

	private Region visible(long id, DataScope scope) {
		return this.regions.findById(id)
			.filter(r -> scope.covers(r.getPath()))
			.orElseThrow(() -> new NotFoundException("region", id));
	}

	private void validateCode(CreateRegion command, Region parent, FieldErrors errors) {
		String code = command.code();
		if (command.level() == null) {
			return;
		}
		if (!command.level().isValidCode(code)) {
			errors.add("code", "wrong format for " + command.level() + " / 编码格式不符合该层级（市、区县 6 位，镇 9 位，社区 12 位，网格 15 位）");
		}
		else if (parent != null && !command.level().continuesParentCode(code, parent.getCode())) {
			errors.add("code", "must start with the parent's code " + parent.getCode() + " / 编码须以上级编码开头");
		}
		else if (this.regions.findByCode(code).isPresent()) {
			errors.add("code", "already in use / 编码已存在");
		}
	}

	private static void validateName(String name, FieldErrors errors) {
		if (name == null || name.isBlank()) {
			errors.add("name", "required / 名称必填");
		}
		else if (name.trim().length() > 100) {
			errors.add("name", "at most 100 characters / 名称最多 100 个字符");
		}
	}

	private static void add(BoundaryPlacement.Problem problem, FieldErrors errors) {
		if (problem != null) {
			errors.add(problem.field(), problem.message());
		}
	}

}
