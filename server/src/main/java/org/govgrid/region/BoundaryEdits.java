package org.govgrid.region;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.platform.ConflictException;
import org.govgrid.platform.DataScope;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.NotFoundException;
import org.govgrid.region.RegionCommands.MergeRegions;
import org.govgrid.region.RegionCommands.SplitRegion;
import org.govgrid.region.RegionCommands.ValidateBoundary;
import org.govgrid.region.RegionViews.BoundaryProblem;
import org.govgrid.region.RegionViews.BoundaryReport;
import org.govgrid.region.RegionViews.RegionDetail;
import org.govgrid.region.RegionViews.SplitResult;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The map's drawing tool on the server: a drawn boundary checked by the same rules as
 * saving it ({@link BoundaryPlacement}), and grids split along a line or merged, each all
 * or nothing, audited, and followed by a rebuild of the point→grid locator.
 */
@Service
class BoundaryEdits {

	private final RegionRepository regions;

	private final BoundaryPlacement placement;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	private final JdbcClient jdbc;

	BoundaryEdits(RegionRepository regions, BoundaryPlacement placement, ApplicationEventPublisher events,
			AuditTrail audit, JdbcClient jdbc) {
		this.regions = regions;
		this.placement = placement;
		this.events = events;
		this.audit = audit;
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	BoundaryReport validate(ValidateBoundary command, DataScope scope) {
		Region self = command.regionId() == null ? null : visible(command.regionId(), scope);
		Long parentId = self != null ? self.getParentId() : command.parentId();
		if (parentId == null) {
			new FieldErrors().add("parentId", "required unless regionId is given / 须指定上级区域或待修改的区域").throwIfAny();
		}
		Region parent = visible(parentId, scope);
		FieldErrors errors = new FieldErrors();
		Geometry shape = Boundaries.read(command.geometry(), "geometry", errors);
		List<BoundaryProblem> problems = new ArrayList<>();
		errors.list().forEach(e -> problems.add(new BoundaryProblem(e.field(), e.message(), null)));
		if (shape != null) {
			add(this.placement.check(shape, parent, self == null ? Set.of() : Set.of(self.getId())), problems);
			if (self != null) {
				add(this.placement.childrenStayInside(shape, self), problems);
			}
		}
		return new BoundaryReport(problems.isEmpty(), problems);
	}

	@Transactional
	SplitResult split(long id, SplitRegion command, DataScope scope) {
		Region grid = visible(id, scope);
		Region parent = this.regions.findById(grid.getParentId()).orElseThrow();
		FieldErrors errors = new FieldErrors();
		if (grid.getLevel() != RegionLevel.GRID) {
			errors.add("id", "only a grid can be split / 仅网格可以分割");
		}
		LineString line = GridShapes.readLine(command.line(), "line", errors);
		if (!RegionLevel.GRID.isValidCode(command.code())) {
			errors.add("code", "the new grid's code: 15 digits / 新网格编码须为 15 位");
		}
		else if (!RegionLevel.GRID.continuesParentCode(command.code(), parent.getCode())) {
			errors.add("code", "must start with the parent's code " + parent.getCode() + " / 编码须以上级编码开头");
		}
		else if (this.regions.findByCode(command.code()).isPresent()) {
			errors.add("code", "already in use / 编码已存在");
		}
		if (command.name() == null || command.name().isBlank() || command.name().trim().length() > 100) {
			errors.add("name", "required, at most 100 characters / 新网格名称必填，最多 100 个字符");
		}
		List<Polygon> pieces = List.of();
		Geometry shape = Boundaries.parseStored(grid.getBoundaryGeoJson());
		if (line != null && shape instanceof Polygon polygon) {
			pieces = GridShapes.split(polygon, line);
		}
		if (line != null && pieces.size() != 2) {
			errors.add("line", "must cut the grid into exactly two pieces (it cuts " + pieces.size()
					+ ") / 分割线须从网格一侧穿到另一侧，把网格分成两块");
		}
		errors.throwIfAny();

		Polygon kept = pieces.get(0);
		Polygon cut = pieces.get(1);
		grid.placeBoundary(Boundaries.toGeoJson(kept), kept);
		Region created = new Region(parent, RegionLevel.GRID, command.code(), command.name().trim());
		created.placeBoundary(Boundaries.toGeoJson(cut), cut);
		this.regions.save(created);
		this.events.publishEvent(new GridLocator.BoundaryChanged(grid.getId()));
		this.audit.record(AuditRecord.success("REGION_SPLIT", "region", grid.getId(),
				grid.getCode() + " split, new grid " + created.getCode()));
		return new SplitResult(RegionDetail.of(grid), RegionDetail.of(created));
	}

	@Transactional
	RegionDetail merge(MergeRegions command, DataScope scope) {
		List<Long> ids = command.ids() == null ? List.of() : command.ids();
		if (ids.size() != 2 || ids.contains(null) || ids.get(0).equals(ids.get(1))) {
			new FieldErrors().add("ids", "exactly two different grid ids / 须指定两个不同的网格").throwIfAny();
		}
		Region kept = visible(ids.get(0), scope);
		Region absorbed = visible(ids.get(1), scope);
		FieldErrors errors = new FieldErrors();
		if (command.name() != null && (command.name().isBlank() || command.name().trim().length() > 100)) {
			errors.add("name", "at most 100 characters, not blank / 名称不能为空，最多 100 个字符");
		}
		Polygon union = null;
		if (kept.getLevel() != RegionLevel.GRID || absorbed.getLevel() != RegionLevel.GRID
				|| !kept.getParentId().equals(absorbed.getParentId())) {
			errors.add("ids", "only two grids of the same community can be merged / 仅同一社区的两个网格可以合并");
		}
		else {
			union = GridShapes.join(Boundaries.parseStored(kept.getBoundaryGeoJson()),
					Boundaries.parseStored(absorbed.getBoundaryGeoJson()));
			if (union == null) {
				errors.add("ids", "the grids are not adjacent: they must share an edge / 两个网格不相邻（须有公共边）");
			}
		}
		errors.throwIfAny();

		String absorbedCode = absorbed.getCode();
		try {
			this.jdbc.sql("delete from region where id = :id").param("id", absorbed.getId()).update();
		}
		catch (DataIntegrityViolationException ex) {
			throw new ConflictException("grid " + absorbedCode + " still has records assigned to it (people, places,"
					+ " events…); move them first / 网格 " + absorbedCode + " 仍有关联数据，请先迁移");
		}
		kept.placeBoundary(Boundaries.toGeoJson(union), union);
		if (command.name() != null) {
			kept.rename(command.name().trim());
		}
		this.events.publishEvent(new GridLocator.BoundaryChanged(kept.getId()));
		this.audit.record(AuditRecord.success("REGION_MERGE", "region", kept.getId(),
				kept.getCode() + " merged with " + absorbedCode));
		return RegionDetail.of(kept);
	}

	private Region visible(long id, DataScope scope) {
		return this.regions.findById(id)
			.filter(r -> scope.covers(r.getPath()))
			.orElseThrow(() -> new NotFoundException("region", id));
	}

	private static void add(BoundaryPlacement.Problem problem, List<BoundaryProblem> problems) {
		if (problem != null) {
			problems.add(new BoundaryProblem(problem.field(), problem.message(), problem.neighbourCode()));
		}
	}

}
