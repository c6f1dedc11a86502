package org.govgrid.region;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.govgrid.platform.DataScope;
import org.govgrid.platform.ScopeFilter;
import org.govgrid.region.BoundaryImportModel.FeatureError;
import org.govgrid.region.BoundaryImportModel.Options;
import org.govgrid.region.BoundaryImportModel.Planned;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;

/**
 * The tables of a bulk import: the job row with its progress and report, the stored
 * regions the checks read, and the batched insert of the accepted regions.
 */
@Component
class BoundaryImportStore implements BoundaryCheck.Stored {

	/** The report keeps this many errors; {@code errorCount} tells the rest. */
	static final int ERRORS_KEPT = 2000;

	/** Codes per IN list, well under PostgreSQL's limit of bind parameters. */
	private static final int CHUNK = 5000;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final NamedParameterJdbcTemplate jdbc;

	BoundaryImportStore(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The report of a job, as the API shows it. */
	record JobView(long id, String status, boolean dryRun, String fileName, String crs, int total, int processed,
			int valid, int errorCount, List<FeatureError> errors, int committed, String message,
			java.time.OffsetDateTime createdAt, java.time.OffsetDateTime finishedAt) {
	}

	long open(Options options, String rootPath, String fileName, long userId) {
		return this.jdbc.queryForObject("""
				insert into region_import (status, dry_run, root_path, file_name, crs, created_by)
				values ('RUNNING', :dryRun, :root, :file, :crs, :user) returning id""",
				new MapSqlParameterSource("dryRun", options.dryRun()).addValue("root", rootPath)
					.addValue("file",
							fileName == null || fileName.length() <= 255 ? fileName : fileName.substring(0, 255))
					.addValue("crs", options.crs().name())
					.addValue("user", userId),
				Long.class);
	}

	void total(long id, int total) {
		this.jdbc.update("update region_import set total = :total where id = :id",
				new MapSqlParameterSource("id", id).addValue("total", total));
	}

	void progress(long id, int processed) {
		this.jdbc.update("update region_import set processed = :processed where id = :id",
				new MapSqlParameterSource("id", id).addValue("processed", processed));
	}

	void finish(long id, String status, int valid, List<FeatureError> errors, int committed, String message) {
		List<FeatureError> kept = errors.size() > ERRORS_KEPT ? errors.subList(0, ERRORS_KEPT) : errors;
		this.jdbc.update("""
				update region_import set status = :status, valid = :valid, error_count = :errorCount,
				    errors = cast(:errors as jsonb), committed = :committed, message = :message, finished_at = now()
				where id = :id""",
				new MapSqlParameterSource("id", id).addValue("status", status)
					.addValue("valid", valid)
					.addValue("errorCount", errors.size())
					.addValue("errors", JSON.writeValueAsString(kept))
					.addValue("committed", committed)
					.addValue("message", message));
	}

	/** A job inside the caller's scope (its root region at or under the scope). */
	Optional<JobView> find(long id, DataScope scope) {
		MapSqlParameterSource params = new MapSqlParameterSource("id", id);
		String inScope = ScopeFilter.of(scope, "root_path").addTo(params);
		return this.jdbc.query("select * from region_import where id = :id and " + inScope, params, (rs, n) -> {
			List<FeatureError> errors = List.of(JSON.readValue(rs.getString("errors"), FeatureError[].class));
			return new JobView(rs.getLong("id"), rs.getString("status"), rs.getBoolean("dry_run"),
					rs.getString("file_name"), rs.getString("crs"), rs.getInt("total"), rs.getInt("processed"),
					rs.getInt("valid"), rs.getInt("error_count"), errors, rs.getInt("committed"),
					rs.getString("message"), rs.getObject("created_at", java.time.OffsetDateTime.class),
					rs.getObject("finished_at", java.time.OffsetDateTime.class));
		}).stream().findFirst();
	}

	@Override
	public Map<String, BoundaryCheck.StoredRegion> byCode(Collection<String> codes) {
		Map<String, BoundaryCheck.StoredRegion> found = new HashMap<>();
		for (List<String> chunk : chunks(codes)) {
			this.jdbc.query("select id, code, level, path, boundary from region where code in (:codes)",
					new MapSqlParameterSource("codes", chunk),
					(org.springframework.jdbc.core.RowCallbackHandler) rs -> found.put(rs.getString("code"),
							new BoundaryCheck.StoredRegion(rs.getLong("id"), rs.getString("code"),
									RegionLevel.valueOf(rs.getString("level")), rs.getString("path"),
									rs.getString("boundary"))));
		}
		return found;
	}

	@Override
	public List<BoundaryCheck.StoredChild> childrenOf(Collection<Long> parentIds) {
		return this.jdbc.query(
				"select parent_id, code, boundary from region where parent_id in (:ids) and boundary is not null",
				new MapSqlParameterSource("ids", parentIds),
				(rs, n) -> new BoundaryCheck.StoredChild(rs.getLong("parent_id"), rs.getString("code"),
						rs.getString("boundary")));
	}

	/**
	 * Inserts the planned regions in the caller's transaction, parents first (the list is
	 * ordered so), each finding its parent's id by code.
	 */
	void insert(List<Planned> planned) {
		SqlParameterSource[] rows = new SqlParameterSource[planned.size()];
		for (int i = 0; i < rows.length; i++) {
			Planned region = planned.get(i);
			Envelope box = region.shape().getEnvelopeInternal();
			// an interior point, unlike the centroid, is inside concave shapes too
			Point inside = region.shape().getInteriorPoint();
			rows[i] = new MapSqlParameterSource("parentCode", region.parentCode())
				.addValue("level", region.level().name())
				.addValue("code", region.code())
				.addValue("name", region.name())
				.addValue("path", region.path())
				.addValue("boundary", Boundaries.toGeoJson(region.shape()))
				.addValue("minLon", box.getMinX())
				.addValue("minLat", box.getMinY())
				.addValue("maxLon", box.getMaxX())
				.addValue("maxLat", box.getMaxY())
				.addValue("centerLon", inside.getX())
				.addValue("centerLat", inside.getY());
		}
		this.jdbc.batchUpdate("""
				insert into region (parent_id, level, code, name, path, boundary, min_lon, min_lat, max_lon, max_lat,
				    center_lon, center_lat)
				values ((select p.id from region p where p.code = :parentCode), :level, :code, :name, :path, :boundary,
				    :minLon, :minLat, :maxLon, :maxLat, :centerLon, :centerLat)""", rows);
	}

	private static List<List<String>> chunks(Collection<String> codes) {
		List<String> all = new ArrayList<>(codes);
		List<List<String>> chunks = new ArrayList<>();
		for (int i = 0; i < all.size(); i += CHUNK) {
			chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
		}
		return chunks;
	}

}
