package org.govgrid.files;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.ScopedPrincipal;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ties uploads to the object they document (an event, a step of its flow). Only the
 * uploader's own, still unattached files can be attached; from then on the owner decides
 * who sees them ({@link FileOwnerPolicy}).
 */
@Service
public class FileAttachments {

	private final NamedParameterJdbcTemplate jdbc;

	FileAttachments(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Names every file id that cannot be attached by {@code caller} to this owner, as
	 * {@code field[i]}.
	 */
	@Transactional(readOnly = true)
	public FieldErrors check(List<Long> fileIds, String ownerType, ScopedPrincipal caller, String field) {
		FieldErrors errors = new FieldErrors();
		if (fileIds == null || fileIds.isEmpty()) {
			return errors;
		}
		Map<Long, Attachable> found = new HashMap<>();
		this.jdbc.query("select id, uploaded_by, owner_type from stored_file where id in (:ids)",
				new MapSqlParameterSource("ids", Set.copyOf(fileIds)),
				(org.springframework.jdbc.core.RowCallbackHandler) rs -> found.put(rs.getLong("id"),
						new Attachable(rs.getLong("uploaded_by"), rs.getString("owner_type"))));
		for (int i = 0; i < fileIds.size(); i++) {
			Long id = fileIds.get(i);
			Attachable file = id == null ? null : found.get(id);
			if (file == null || file.uploadedBy() != caller.userId()) {
				errors.add(field + "[" + i + "]", "no such file of yours / 附件不存在");
			}
			else if (file.ownerType() != null) {
				errors.add(field + "[" + i + "]", "already attached elsewhere / 附件已被使用");
			}
			else if (fileIds.indexOf(id) != i) {
				errors.add(field + "[" + i + "]", "listed twice / 附件重复");
			}
		}
		return errors;
	}

	/** Attaches files already {@link #check checked}; in the caller's transaction. */
	@Transactional
	public void attach(Collection<Long> fileIds, String ownerType, long ownerId) {
		if (fileIds == null || fileIds.isEmpty()) {
			return;
		}
		this.jdbc.update("""
				update stored_file set owner_type = :type, owner_id = :owner
				where id in (:ids) and owner_type is null""",
				new MapSqlParameterSource("ids", Set.copyOf(fileIds)).addValue("type", ownerType)
					.addValue("owner", ownerId));
	}

	/** How the files look in the API, in the order asked. */
	@Transactional(readOnly = true)
	public Map<Long, StoredFileView> describe(Collection<Long> fileIds) {
		Map<Long, StoredFileView> byId = new HashMap<>();
		if (fileIds.isEmpty()) {
			return byId;
		}
		this.jdbc.query("""
				select id, original_name, content_type, size_bytes, sha256, width, height, thumbnail_key, created_at,
				       frame_rate, duration_ms, video_compliant, video_note
				from stored_file where id in (:ids)""", new MapSqlParameterSource("ids", Set.copyOf(fileIds)),
				(org.springframework.jdbc.core.RowCallbackHandler) rs -> {
					long id = rs.getLong("id");
					byId.put(id, new StoredFileView(id, rs.getString("original_name"), rs.getString("content_type"),
							rs.getLong("size_bytes"), rs.getString("sha256"), rs.getObject("width", Integer.class),
							rs.getObject("height", Integer.class), "/api/v1/files/" + id,
							rs.getString("thumbnail_key") == null ? null : "/api/v1/files/" + id + "/thumbnail",
							rs.getTimestamp("created_at").toInstant(), FileService.video(rs)));
				});
		Map<Long, StoredFileView> ordered = new LinkedHashMap<>();
		fileIds.forEach(id -> {
			if (byId.containsKey(id)) {
				ordered.put(id, byId.get(id));
			}
		});
		return ordered;
	}

	private record Attachable(long uploadedBy, String ownerType) {
	}

}
