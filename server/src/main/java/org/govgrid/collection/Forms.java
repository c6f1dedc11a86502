package org.govgrid.collection;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.NotFoundException;
import org.govgrid.platform.ScopedPrincipal;
import org.govgrid.region.RegionService;
import org.govgrid.region.RegionSummary;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Form templates, each change a new version (records keep the version they were filled
 * in), and campaigns that assign a form to an area with a due date.
 */
@Service
class Forms {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final NamedParameterJdbcTemplate jdbc;

	private final RegionService regions;

	private final AuditTrail audit;

	Forms(NamedParameterJdbcTemplate jdbc, RegionService regions, AuditTrail audit) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	List<FormView> list() {
		return this.jdbc.query("""
				select f.id, f.code, f.name, f.current_version, v.fields from collection_form f
				join collection_form_version v on v.form_id = f.id and v.version = f.current_version order by f.code""",
				(rs, n) -> new FormView(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
						rs.getInt("current_version"), fields(rs.getString("fields"))));
	}

	@Transactional(readOnly = true)
	Optional<FormView> find(long id) {
		return list().stream().filter(f -> f.id() == id).findFirst();
	}

	@Transactional(readOnly = true)
	Optional<FormDefinition> version(long formId, int version) {
		return this.jdbc
			.queryForList("select fields from collection_form_version where form_id = :id and version = :version",
					new MapSqlParameterSource("id", formId).addValue("version", version), String.class)
			.stream()
			.findFirst()
			.map(json -> new FormDefinition(fields(json)));
	}

	@Transactional
	FormView create(FormCommand command, ScopedPrincipal author) {
		FieldErrors errors = new FormDefinition(command.fields()).check();
		if (command.code() == null || !command.code().matches("[A-Z][A-Z0-9_-]{1,31}")) {
			errors.add("code", "upper-case letters, digits, _ or - / 编码格式不正确");
		}
		else if (Boolean.TRUE
			.equals(this.jdbc.queryForObject("select exists (select 1 from collection_form where code = :code)",
					new MapSqlParameterSource("code", command.code()), Boolean.class))) {
			errors.add("code", "already exists / 编码已存在");
		}
		if (command.name() == null || command.name().isBlank() || command.name().length() > 100) {
			errors.add("name", "1–100 characters / 名称必填");
		}
		errors.throwIfAny();
		Long id = this.jdbc.queryForObject("""
				insert into collection_form (code, name, current_version, created_by) values (:code, :name, 1, :author)
				returning id""",
				new MapSqlParameterSource("code", command.code()).addValue("name", command.name().strip())
					.addValue("author", author.userId()),
				Long.class);
		publish(id, 1, command.fields(), author);
		this.audit.record(AuditRecord.success("COLLECTION_FORM_CREATE", "collection_form", id, command.code()));
		return find(id).orElseThrow();
	}

	/** A new version; records already collected keep theirs. */
	@Transactional
	FormView revise(long id, List<FormField> fields, ScopedPrincipal author) {
		FormView form = find(id).orElseThrow(() -> new NotFoundException("collection form", id));
		new FormDefinition(fields).check().throwIfAny();
		int next = form.version() + 1;
		publish(id, next, fields, author);
		this.jdbc.update("update collection_form set current_version = :v where id = :id",
				new MapSqlParameterSource("v", next).addValue("id", id));
		this.audit.record(AuditRecord.success("COLLECTION_FORM_REVISE", "collection_form", id, "v" + next));
		return find(id).orElseThrow();
	}

	private void publish(long formId, int version, List<FormField> fields, ScopedPrincipal author) {
		this.jdbc.update("""
				insert into collection_form_version (form_id, version, fields, published_by)
				values (:form, :version, cast(:fields as jsonb), :author)""",
				new MapSqlParameterSource("form", formId).addValue("version", version)
					.addValue("fields", JSON.writeValueAsString(fields))
					.addValue("author", author.userId()));
	}

	private static List<FormField> fields(String json) {
		return JSON.readValue(json, new TypeReference<List<FormField>>() {
		});
	}

	record FormCommand(String code, String name, List<FormField> fields) {
	}

	record FormView(long id, String code, String name, int version, List<FormField> fields) {
	}

}
