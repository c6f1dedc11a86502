package org.govgrid.region;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

import org.govgrid.platform.DataScope;
import org.govgrid.platform.FieldErrors;
import org.govgrid.region.BoundaryImportModel.Crs;
import org.govgrid.region.BoundaryImportModel.FeatureError;
import org.govgrid.region.BoundaryImportModel.Planned;
import org.govgrid.region.BoundaryImportModel.SourceFeature;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.valid.IsValidOp;

/**
 * The per-feature checks of a bulk import, the same rules as creating one region: code
 * format and prefix, unique code, a known parent inside the root, a valid polygon inside
 * the parent, no overlap with a sibling. Siblings already stored and those earlier in the
 * file sit in one STRtree, so each feature is compared with its few neighbours only. Each
 * feature reports its first problem.
 */
final class BoundaryCheck {

	/** How often progress is reported, in features. */
	static final int PROGRESS_STEP = 500;

	/** The stored regions the checks need, read in bulk. */
	interface Stored {

		/** Regions with these codes, regardless of scope. */
		Map<String, StoredRegion> byCode(Collection<String> codes);

		/** Children with a boundary of these regions. */
		List<StoredChild> childrenOf(Collection<Long> parentIds);

	}

	record StoredRegion(long id, String code, RegionLevel level, String path, String boundary) {
	}

	record StoredChild(long parentId, String code, String boundary) {
	}

	record Result(List<Planned> planned, List<FeatureError> errors) {
	}

	/** A sibling candidate in the tree; {@code index} is -1 for a stored region. */
	private record Sibling(String parentCode, int index, String code, Geometry shape) {
	}

	/** Where a code sits: its level and materialised path. */
	private record Place(RegionLevel level, String path) {
	}

	private final List<SourceFeature> features;

	private final DataScope root;

	private final Stored stored;

	private final Geometry[] shapes;

	private final String[] geometryProblems;

	private final Map<String, SourceFeature> firstByCode = new HashMap<>();

	private final Map<String, Place> places = new HashMap<>();

	private final Set<String> resolving = new HashSet<>();

	private final Map<String, PreparedGeometry> parentShapes = new HashMap<>();

	private Map<String, StoredRegion> existing;

	BoundaryCheck(List<SourceFeature> features, DataScope root, Stored stored) {
		this.features = features;
		this.root = root;
		this.stored = stored;
		this.shapes = new Geometry[features.size()];
		this.geometryProblems = new String[features.size()];
	}

	Result run(Crs crs, IntConsumer progress) {
		for (SourceFeature feature : this.features) {
			if (feature.code() != null) {
				this.firstByCode.putIfAbsent(feature.code(), feature);
			}
			readShape(feature, crs);
		}
		Set<String> codes = new HashSet<>(this.firstByCode.keySet());
		this.features.stream().map(SourceFeature::parentCode).filter(c -> c != null).forEach(codes::add);
		this.existing = this.stored.byCode(codes);
		STRtree siblings = siblingTree();

		List<FeatureError> errors = new ArrayList<>();
		List<Planned> planned = new ArrayList<>();
		for (SourceFeature feature : this.features) {
			String problem = problem(feature, siblings);
			if (problem != null) {
				errors.add(new FeatureError(feature.index(), feature.code(), problem));
			}
			else {
				Place place = place(feature.code());
				planned.add(new Planned(feature.code(), feature.name(), place.level(), feature.parentCode(),
						place.path(), this.shapes[feature.index()]));
			}
			if ((feature.index() + 1) % PROGRESS_STEP == 0) {
				progress.accept(feature.index() + 1);
			}
		}
		progress.accept(this.features.size());
		// parents are written before their children
		planned.sort(Comparator.comparingInt(p -> p.level().ordinal()));
		return new Result(planned, errors);
	}

	private void readShape(SourceFeature feature, Crs crs) {
		if (feature.geometry() == null || feature.geometry().isNull()) {
			this.geometryProblems[feature.index()] = "bad geometry: missing / 几何图形缺失";
			return;
		}
		FieldErrors errors = new FieldErrors();
		Geometry shape = Boundaries.read(feature.geometry(), "geometry", errors);
		if (shape == null) {
			this.geometryProblems[feature.index()] = "bad geometry: " + errors.list()
				.stream()
				.map(e -> e.field().equals("geometry") ? e.message() : e.field() + " " + e.message())
				.collect(Collectors.joining("; "));
			return;
		}
		shape = crs.toWgs84(shape);
		if (crs == Crs.GCJ02 && new IsValidOp(shape).getValidationError() != null) {
			this.geometryProblems[feature.index()] = "bad geometry: invalid after GCJ-02 conversion / 坐标转换后几何无效";
			return;
		}
		this.shapes[feature.index()] = shape;
	}

	private STRtree siblingTree() {
		STRtree tree = new STRtree();
		Map<Long, String> storedParents = new HashMap<>();
		this.existing.values()
			.stream()
			.filter(r -> this.root.covers(r.path()))
			.forEach(r -> storedParents.put(r.id(), r.code()));
		if (!storedParents.isEmpty()) {
			for (StoredChild child : this.stored.childrenOf(storedParents.keySet())) {
				Geometry shape = Boundaries.parseStored(child.boundary());
				String parentCode = storedParents.get(child.parentId());
				tree.insert(shape.getEnvelopeInternal(), new Sibling(parentCode, -1, child.code(), shape));
			}
		}
		for (SourceFeature feature : this.features) {
			Geometry shape = this.shapes[feature.index()];
			if (shape != null && feature.parentCode() != null) {
				tree.insert(shape.getEnvelopeInternal(),
						new Sibling(feature.parentCode(), feature.index(), feature.code(), shape));
			}
		}
		tree.build();
		return tree;
	}

	private String problem(SourceFeature feature, STRtree siblings) {
		String code = feature.code();
		if (code == null) {
			return "missing code / 缺少编码";
		}
		SourceFeature first = this.firstByCode.get(code);
		if (first.index() != feature.index()) {
			return "duplicate code: also feature " + first.index() + " in the file / 文件内编码重复";
		}
		if (feature.name() == null) {
			return "missing name / 缺少名称";
		}
		if (feature.name().length() > 100) {
			return "name longer than 100 characters / 名称超过 100 个字符";
		}
		if (this.geometryProblems[feature.index()] != null) {
			return this.geometryProblems[feature.index()];
		}
		String parentCode = feature.parentCode();
		if (parentCode == null) {
			return "missing parent code / 缺少上级编码";
		}
		Place parent = place(parentCode);
		if (parent == null) {
			return "unknown parent " + parentCode + " / 上级编码不存在或不在导入范围内";
		}
		RegionLevel level = parent.level().childLevel();
		if (level == null) {
			return "parent " + parentCode + " is a grid and cannot contain regions / 网格下不能再有区域";
		}
		if (!level.isValidCode(code)) {
			return "wrong code format for " + level + " / 编码格式不符合该层级（镇 9 位，社区 12 位，网格 15 位）";
		}
		if (!level.continuesParentCode(code, parentCode)) {
			return "code must start with the parent's code " + parentCode + " / 编码须以上级编码开头";
		}
		if (this.existing.containsKey(code)) {
			return "duplicate code: already in use / 编码已存在";
		}
		Geometry shape = this.shapes[feature.index()];
		PreparedGeometry parentShape = parentShape(parentCode);
		if (parentShape != null && !parentShape.covers(shape)) {
			return "outside the parent " + parentCode + " / 边界须位于上级区域之内";
		}
		return overlap(feature, shape, siblings);
	}

	private String overlap(SourceFeature feature, Geometry shape, STRtree siblings) {
		PreparedGeometry prepared = PreparedGeometryFactory.prepare(shape);
		@SuppressWarnings("unchecked")
		List<Sibling> near = siblings.query(shape.getEnvelopeInternal());
		for (Sibling sibling : near) {
			boolean earlier = sibling.index() < feature.index();
			if (!earlier || !sibling.parentCode().equals(feature.parentCode())) {
				continue;
			}
			// boxes meeting only along an edge (a lattice's neighbours) cannot overlap by
			// an
			// area: skip the costly intersection
			if (shape.getEnvelopeInternal().intersection(sibling.shape().getEnvelopeInternal()).getArea() <= 1e-10) {
				continue;
			}
			// sharing an edge is not an overlap; a tolerance absorbs rounding
			if (prepared.intersects(sibling.shape()) && shape.intersection(sibling.shape()).getArea() > 1e-10) {
				return "overlaps sibling " + sibling.code()
						+ (sibling.index() < 0 ? " (stored)" : " (feature " + sibling.index() + ")") + " / 与同级区域重叠";
			}
		}
		return null;
	}

	/**
	 * The level and path of a code, from the file or the stored regions inside the root.
	 */
	private Place place(String code) {
		Place known = this.places.get(code);
		if (known != null || this.places.containsKey(code)) {
			return known;
		}
		Place place = null;
		SourceFeature inFile = this.firstByCode.get(code);
		if (inFile != null && inFile.parentCode() != null && this.resolving.add(code)) {
			Place parent = place(inFile.parentCode());
			this.resolving.remove(code);
			if (parent != null && parent.level().childLevel() != null) {
				place = new Place(parent.level().childLevel(), parent.path() + "/" + code);
			}
		}
		else if (inFile == null) {
			StoredRegion region = this.existing.get(code);
			if (region != null && this.root.covers(region.path())) {
				place = new Place(region.level(), region.path());
			}
		}
		this.places.put(code, place);
		return place;
	}

	/** The parent's boundary widened by ~1 cm, prepared once for all its children. */
	private PreparedGeometry parentShape(String parentCode) {
		if (this.parentShapes.containsKey(parentCode)) {
			return this.parentShapes.get(parentCode);
		}
		SourceFeature inFile = this.firstByCode.get(parentCode);
		Geometry shape = inFile != null ? this.shapes[inFile.index()]
				: Boundaries.parseStored(this.existing.get(parentCode).boundary());
		PreparedGeometry prepared = shape == null ? null : PreparedGeometryFactory.prepare(shape.buffer(1e-7));
		this.parentShapes.put(parentCode, prepared);
		return prepared;
	}

}
