package org.govgrid.basedata;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.platform.ConflictException;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.IdNumbers;
import org.govgrid.platform.IdentifierProtection;
import org.govgrid.platform.NotFoundException;
import org.govgrid.platform.PageQuery;
import org.govgrid.platform.PageResponse;
import org.govgrid.platform.ScopeFilter;
import org.govgrid.platform.ScopedPrincipal;
import org.govgrid.platform.SealedIdentifiers;
import org.govgrid.region.RegionSummary;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * 实有人口: registered, changed and read within the caller's scope (a worker their grid, a
 * chief their community, the centre its town; anything else is 404). The ID number is the
 * natural key, found through its keyed hash; it and the phone are sealed at rest.
 */
@Service
public class People {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String PHONE = "1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}";

	private static final String SELECT = """
			select p.*, g.name as grid_name, h.address as house_address,
			       (select coalesce(json_agg(json_build_object('tag', t.tag, 'since', t.since, 'details', t.details)
			                 order by t.tag), '[]') from bd_person_tag t where t.person_id = p.id) as tags
			from bd_person p join region g on g.id = p.grid_id left join bd_house h on h.id = p.house_id""";

	private final NamedParameterJdbcTemplate jdbc;

	private final ScopedRows<PersonView> rows;

	private final IdentifierProtection protection;

	private final Placement placement;

	private final Dicts dicts;

	private final AuditTrail audit;

	private final Clock clock;

	private final ApplicationEventPublisher publisher;

	People(NamedParameterJdbcTemplate jdbc, IdentifierProtection protection, Placement placement, Dicts dicts,
			AuditTrail audit, Clock clock, ApplicationEventPublisher publisher) {
		this.jdbc = jdbc;
		this.rows = new ScopedRows<>(jdbc, SELECT, "bd_person", "p", this::row);
		this.protection = protection;
		this.placement = placement;
		this.dicts = dicts;
		this.audit = audit;
		this.clock = clock;
		this.publisher = publisher;
	}

	public record Filter(String q, Long gridId, String householdType, String tag, String status) {
	}

	public record Identifiers(String idNumber, String phone) {
	}

	/** The result of an import row: the person and whether the row created them. */
	public record Saved(long id, boolean created) {
	}

	@Transactional
	public PersonView create(PersonCommand command, ScopedPrincipal caller) {
		Valid valid = validate(command, null, caller);
		if (findIdByIdNumber(command.idNumber()).isPresent()) {
			throw new ConflictException("a person with this ID number is already registered / 该身份证号已登记");
		}
		long id = insert(valid);
		this.audit.record(AuditRecord.success("PERSON_CREATE", "person", id, valid.grid().code()));
		this.publisher.publishEvent(new BaseDataChanged(BaseDataKind.PERSON, id, false));
		return view(id, caller);
	}

	@Transactional
	public PersonView update(long id, PersonCommand command, ScopedPrincipal caller) {
		PersonView current = view(id, caller);
		Valid valid = validate(command, current, caller);
		if (command.idNumber() != null) {
			findIdByIdNumber(command.idNumber()).filter(other -> other != id).ifPresent(other -> {
				throw new ConflictException("another person has this ID number / 该身份证号已被他人登记");
			});
		}
		int version = command.version() == null ? current.version() : command.version();
		if (!write(id, version, valid)) {
			throw new ConflictException("changed by someone else; reload / 数据已被他人修改，请刷新");
		}
		this.audit.record(AuditRecord.success("PERSON_UPDATE", "person", id, valid.grid().code()));
		this.publisher.publishEvent(new BaseDataChanged(BaseDataKind.PERSON, id, false));
		return view(id, caller);
	}

	/**
	 * An import row: updates the person with the same ID number (if in the caller's
	 * scope) or registers a new one. Throws as {@link #create} does; nothing is written
	 * then.
	 */
	@Transactional
	public Saved upsert(PersonCommand command, ScopedPrincipal caller) {
		Optional<Long> existing = command.idNumber() == null ? Optional.empty() : findIdByIdNumber(command.idNumber());
		if (existing.isPresent()) {
			PersonView current = find(existing.get(), caller).orElseThrow(
					() -> new ConflictException("this ID number is registered outside your area / 该身份证号已在其他辖区登记"));
			update(current.id(), command.withVersion(current.version()), caller);
			return new Saved(current.id(), false);
		}
		return new Saved(create(command, caller).id(), true);
	}

	@Transactional(readOnly = true)
	public PersonView view(long id, ScopedPrincipal caller) {
		return find(id, caller).orElseThrow(() -> new NotFoundException("person", id));
	}

	@Transactional(readOnly = true)
	public Optional<PersonView> find(long id, ScopedPrincipal caller) {
		return this.rows.find(id, caller.scope());
	}

	/**
	 * The full identifiers, for holders of {@code person:unmask}; every call is audited.
	 */
	@Transactional
	public Identifiers unmask(long id, ScopedPrincipal caller) {
		if (!caller.can("person:unmask")) {
			throw new AccessDeniedException("person:unmask");
		}
		view(id, caller);
		Identifiers identifiers = this.jdbc.queryForObject(
				"select id_key, id_cipher, phone_key, phone_cipher from bd_person where id = :id",
				new MapSqlParameterSource("id", id), (rs, n) -> identifiers(rs));
		this.audit.record(AuditRecord.success("PERSON_UNMASK", "person", id,
				identifiers.phone() == null ? "idNumber" : "idNumber,phone"));
		return identifiers;
	}

	/**
	 * Exact lookup by ID number or phone through their keyed hashes, within the scope.
	 */
	@Transactional(readOnly = true)
	public List<PersonView> lookup(String identifier, ScopedPrincipal caller) {
		if (identifier == null || identifier.isBlank()) {
			return List.of();
		}
		byte[] hash = this.protection.hash(identifier);
		MapSqlParameterSource params = new MapSqlParameterSource("hash", hash);
		return this.jdbc.query(
				SELECT + " where (p.id_hash = :hash or p.phone_hash = :hash) and "
						+ ScopeFilter.of(caller.scope(), "p.region_path").addTo(params) + " order by p.id limit 50",
				params, this::row);
	}

	@Transactional(readOnly = true)
	public PageResponse<PersonView> list(Filter filter, PageQuery paging, ScopedPrincipal caller) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		return this.rows.page(where(filter, caller, params), params, paging);
	}

	/** Every person matching the filter, streamed in id order (exports). */
	@Transactional(readOnly = true)
	public void forEach(Filter filter, ScopedPrincipal caller, java.util.function.Consumer<PersonView> action) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		this.rows.forEach(where(filter, caller, params), params, action);
	}

	/**
	 * Every person matching the filter with their identifiers in clear, for an export by
	 * a holder of {@code person:unmask}; the caller audits the export as a whole.
	 */
	@Transactional(readOnly = true)
	public void forEachUnmasked(Filter filter, ScopedPrincipal caller,
			java.util.function.BiConsumer<PersonView, Identifiers> action) {
		if (!caller.can("person:unmask")) {
			throw new AccessDeniedException("person:unmask");
		}
		MapSqlParameterSource params = new MapSqlParameterSource();
		String where = where(filter, caller, params);
		Streaming.query(this.jdbc, SELECT + " where " + where + " order by p.id", params,
				(org.springframework.jdbc.core.RowCallbackHandler) rs -> action.accept(row(rs, 0), identifiers(rs)));
	}

	private String where(Filter filter, ScopedPrincipal caller, MapSqlParameterSource params) {
		return new ListFilter("p", caller.scope(), params)
			.matching(filter.q(), "p.name like :q or p.current_address like :q")
			.equal("grid_id", filter.gridId())
			.code(this.dicts, "householdType", "HOUSEHOLD_TYPE", "household_type", filter.householdType())
			.where("tag", filter.tag(), filter.tag() == null || KeyGroups.FIELDS.containsKey(filter.tag()),
					"no such key group / 重点人群类别不存在",
					"exists (select 1 from bd_person_tag t where t.person_id = p.id and t.tag = :tag)", "tag")
			.code(this.dicts, "status", "PERSON_STATUS", "status", filter.status())
			.sql();
	}

	Optional<Long> findIdByIdNumber(String idNumber) {
		if (idNumber == null || idNumber.isBlank()) {
			return Optional.empty();
		}
		return this.jdbc
			.queryForList("select id from bd_person where id_hash = :hash",
					new MapSqlParameterSource("hash", this.protection.hash(idNumber)), Long.class)
			.stream()
			.findFirst();
	}

	/** A checked command, its grid and its derived values. */
	private record Valid(PersonCommand command, RegionSummary grid, String sex, LocalDate birthDate,
			List<PersonCommand.Tag> tags) {
	}

	private Valid validate(PersonCommand c, PersonView current, ScopedPrincipal caller) {
		FieldErrors errors = new FieldErrors();
		String sex = c.sex();
		LocalDate birth = c.birthDate();
		if (current == null || c.idNumber() != null) {
			Optional<String> problem = IdNumbers.problem(c.idNumber(), c.sex(), LocalDate.now(this.clock));
			if (problem.isPresent()) {
				errors.add("idNumber", problem.get());
			}
			else {
				sex = sex == null ? IdNumbers.sex(c.idNumber()) : sex;
				LocalDate derived = IdNumbers.birthDate(c.idNumber()).orElseThrow();
				if (birth != null && !birth.equals(derived)) {
					errors.add("birthDate", "differs from the ID number's / 与身份证号中的出生日期不符");
				}
				birth = derived;
			}
		}
		else {
			sex = sex == null ? current.sex() : sex;
			birth = current.birthDate();
			if (c.birthDate() != null && !c.birthDate().equals(birth)) {
				errors.add("birthDate", "differs from the ID number's / 与身份证号中的出生日期不符");
			}
		}
		Checks.code(errors, this.dicts, "sex", "SEX", sex, false);
		Checks.required(errors, "name", c.name(), 50);
		if (c.phone() != null && !c.phone().isEmpty() && !c.phone().strip().matches(PHONE)) {
			errors.add("phone", "an 11-digit mobile or a landline / 手机号应为11位，座机应含区号");
		}
		Checks.code(errors, this.dicts, "householdType", "HOUSEHOLD_TYPE", c.householdType(), true);
		Checks.required(errors, "currentAddress", c.currentAddress(), 200);
		Checks.length(errors, "registeredAddress", c.registeredAddress(), 200);
		Checks.length(errors, "workUnit", c.workUnit(), 200);
		Checks.code(errors, this.dicts, "ethnicity", "ETHNICITY", c.ethnicity(), false);
		Checks.code(errors, this.dicts, "politicalStatus", "POLITICAL_STATUS", c.politicalStatus(), false);
		Checks.code(errors, this.dicts, "education", "EDUCATION", c.education(), false);
		PersonDetails.orNone(c.details()).check(this.dicts, errors);
		Checks.code(errors, this.dicts, "status", "PERSON_STATUS", c.status(), false);
		Checks.validity(errors, c.validFrom(), c.validTo());
		Placement.checkLocation(c.lon(), c.lat(), errors);
		RegionSummary grid = this.placement.grid(c.gridId(), c.houseId(), c.lon(), c.lat(), caller, errors);
		if (c.houseId() != null && c.gridId() != null && grid != null && !houseVisible(c.houseId(), caller)) {
			errors.add("houseId", "no such house in your area / 房屋不存在或不在您的辖区");
		}
		List<PersonCommand.Tag> tags = c.tags() == null ? null : c.tags();
		if (tags != null) {
			List<String> seen = new ArrayList<>();
			for (int i = 0; i < tags.size(); i++) {
				PersonCommand.Tag tag = tags.get(i);
				if (tag == null || tag.tag() == null) {
					errors.add("tags[" + i + "].tag", "required / 必填");
					continue;
				}
				if (seen.contains(tag.tag())) {
					errors.add("tags[" + i + "].tag", "given twice / 重复");
				}
				seen.add(tag.tag());
				KeyGroups.validate(i, tag.tag(), tag.details() == null ? Map.of() : tag.details(), errors);
			}
		}
		errors.throwIfAny();
		return new Valid(c, grid, sex, birth, tags);
	}

	private boolean houseVisible(long houseId, ScopedPrincipal caller) {
		MapSqlParameterSource params = new MapSqlParameterSource("id", houseId);
		return !this.jdbc
			.queryForList("select 1 from bd_house h where h.id = :id and "
					+ ScopeFilter.of(caller.scope(), "h.region_path").addTo(params), params, Integer.class)
			.isEmpty();
	}

	private long insert(Valid v) {
		Instant now = this.clock.instant();
		MapSqlParameterSource params = params(v, now);
		SealedIdentifiers.bindIdNumber(this.protection, params, v.command().idNumber());
		SealedIdentifiers.bindPhone(this.protection, params, v.command().phone());
		long personId = this.jdbc.queryForObject("""
				insert into bd_person (name, sex, ethnicity, birth_date, id_cipher, id_key, id_hash, id_masked,
				    phone_cipher, phone_key, phone_hash, phone_masked, household_type, registered_address,
				    current_address, house_id, work_unit, political_status, education, grid_id, region_path, status,
				    valid_from, valid_to, created_at, updated_at, %s)
				values (:name, :sex, :ethnicity, :birth, :idCipher, :idKey, :idHash, :idMasked, :phoneCipher,
				    :phoneKey, :phoneHash, :phoneMasked, :household, :registered, :current, :house, :workUnit,
				    :political, :education, :grid, :path, :status, :validFrom, :validTo, :now, :now, %s)
				returning id""".formatted(PersonDetails.COLUMNS, PersonDetails.VALUES), params, Long.class);
		replaceTags(personId, v.tags() == null ? List.of() : v.tags());
		return personId;
	}

	private boolean write(long id, int version, Valid v) {
		MapSqlParameterSource params = params(v, this.clock.instant()).addValue("id", id).addValue("version", version);
		String identifiers = SealedIdentifiers.bindChanged(this.protection, params, v.command().idNumber(),
				v.command().phone());
		int updated = this.jdbc.update("""
				update bd_person set name = :name, sex = :sex, ethnicity = :ethnicity, birth_date = :birth,
				    household_type = :household, registered_address = :registered, current_address = :current,
				    house_id = :house, work_unit = :workUnit, political_status = :political, education = :education,
				    grid_id = :grid, region_path = :path, status = :status, valid_from = :validFrom,
				    valid_to = :validTo, updated_at = :now, version = version + 1, %s%s
				where id = :id and version = :version""".formatted(PersonDetails.ASSIGNMENTS, identifiers), params);
		if (updated == 1 && v.tags() != null) {
			replaceTags(id, v.tags());
		}
		return updated == 1;
	}

	private MapSqlParameterSource params(Valid v, Instant now) {
		PersonCommand c = v.command();
		MapSqlParameterSource params = PersonDetails.orNone(c.details()).bind(new MapSqlParameterSource());
		return params.addValue("name", c.name().strip())
			.addValue("sex", v.sex())
			.addValue("ethnicity", Checks.blankToNull(c.ethnicity()))
			.addValue("birth", v.birthDate())
			.addValue("household", c.householdType())
			.addValue("registered", Checks.blankToNull(c.registeredAddress()))
			.addValue("current", c.currentAddress().strip())
			.addValue("house", c.houseId())
			.addValue("workUnit", Checks.blankToNull(c.workUnit()))
			.addValue("political", Checks.blankToNull(c.politicalStatus()))
			.addValue("education", Checks.blankToNull(c.education()))
			.addValue("grid", v.grid().id())
			.addValue("path", v.grid().path())
			.addValue("status", c.status() == null ? "ACTIVE" : c.status())
			.addValue("validFrom", c.validFrom())
			.addValue("validTo", c.validTo())
			.addValue("now", Timestamp.from(now));
	}

	private Identifiers identifiers(ResultSet rs) throws SQLException {
		return new Identifiers(SealedIdentifiers.openIdNumber(this.protection, rs),
				SealedIdentifiers.openPhone(this.protection, rs));
	}

	private void replaceTags(long personId, List<PersonCommand.Tag> tags) {
		this.jdbc.update("delete from bd_person_tag where person_id = :id", new MapSqlParameterSource("id", personId));
		for (PersonCommand.Tag tag : tags) {
			this.jdbc.update(
					"insert into bd_person_tag (person_id, tag, since, details)"
							+ " values (:id, :tag, :since, cast(:details as jsonb))",
					new MapSqlParameterSource("id", personId).addValue("tag", tag.tag())
						.addValue("since", tag.since())
						.addValue("details",
								JSON.writeValueAsString(tag.details() == null ? Map.of() : tag.details())));
		}
	}

	private PersonView row(ResultSet rs, int n) throws SQLException {
		List<Map<String, Object>> rawTags = JSON.readValue(rs.getString("tags"), new TypeReference<>() {
		});
		List<PersonView.TagView> tags = new ArrayList<>();
		for (Map<String, Object> t : rawTags) {
			String tag = (String) t.get("tag");
			@SuppressWarnings("unchecked")
			Map<String, Object> details = t.get("details") instanceof Map<?, ?> m ? (Map<String, Object>) m
					: new HashMap<>();
			tags.add(new PersonView.TagView(tag, this.dicts.name("KEY_GROUP", tag),
					t.get("since") == null ? null : LocalDate.parse((String) t.get("since")), details));
		}
		String sex = rs.getString("sex");
		String ethnicity = rs.getString("ethnicity");
		String household = rs.getString("household_type");
		return new PersonView(rs.getLong("id"), rs.getString("name"), sex, this.dicts.name("SEX", sex), ethnicity,
				this.dicts.name("ETHNICITY", ethnicity), rs.getObject("birth_date", LocalDate.class),
				rs.getString("id_masked"), rs.getString("phone_masked"), household,
				this.dicts.name("HOUSEHOLD_TYPE", household), rs.getString("registered_address"),
				rs.getString("current_address"), rs.getObject("house_id", Long.class), rs.getString("house_address"),
				rs.getString("work_unit"), rs.getString("political_status"), rs.getString("education"),
				PersonDetails.read(rs), rs.getLong("grid_id"), rs.getString("grid_name"), rs.getString("status"),
				rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class), tags,
				rs.getInt("version"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}

}
