package org.govgrid.party;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;

import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.basedata.PersonLinks;
import org.govgrid.platform.ConflictException;
import org.govgrid.platform.IdentifierProtection;
import org.govgrid.platform.IdentifierProtection.Sealed;
import org.govgrid.platform.Masking;
import org.govgrid.platform.NotFoundException;
import org.govgrid.platform.PageQuery;
import org.govgrid.platform.PageResponse;
import org.govgrid.platform.ScopedPrincipal;
import org.govgrid.region.RegionService;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Party members, read within the caller's scope (the member's grid, or the organisation's
 * region while unplaced; anything else is 404). The ID number is the natural key, found
 * through its keyed hash; it and the phone are sealed at rest exactly as people's are
 * (ADR 0007) and masked in every response.
 */
@Service
class PartyMembers {

	private static final String SELECT = """
			select m.*, o.name as organization_name, g.name as grid_name
			from party_member m join party_organization o on o.id = m.organization_id
			left join region g on g.id = m.grid_id""";

	private final NamedParameterJdbcTemplate jdbc;

	private final IdentifierProtection protection;

	private final MemberRules rules;

	private final MemberQueries queries;

	private final PersonLinks people;

	private final AuditTrail audit;

	private final Clock clock;

	PartyMembers(NamedParameterJdbcTemplate jdbc, IdentifierProtection protection, PartyOrganizations organizations,
			RegionService regions, PersonLinks people, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.protection = protection;
		this.rules = new MemberRules(organizations, regions, clock);
		this.queries = new MemberQueries(regions, protection);
		this.people = people;
		this.audit = audit;
		this.clock = clock;
	}

	record Identifiers(String idNumber, String phone) {
	}

	@Transactional
	MemberView create(MemberCommand command, ScopedPrincipal caller) {
		return view(insert(this.rules.check(command, null, caller), null), caller);
	}

	@Transactional
	MemberView update(long id, MemberCommand command, ScopedPrincipal caller) {
		MemberView current = view(id, caller);
		MemberRules.Valid valid = this.rules.check(command, current, caller);
		write(id, command.version() == null ? current.version() : command.version(), valid, current.externalId());
		return view(id, caller);
	}

	/**
	 * An import row: updates the member with the same ID number (if in the caller's
	 * scope) or adds a new one; whether it was added.
	 */
	@Transactional
	boolean upsert(MemberCommand command, ScopedPrincipal caller) {
		Optional<Long> existing = idOfIdNumber(command.idNumber());
		if (existing.isEmpty()) {
			create(command, caller);
			return true;
		}
		MemberView current = find(existing.get(), caller).orElseThrow(
				() -> new ConflictException("this ID number is a member outside your area / 该身份证号已在其他辖区登记为党员"));
		update(current.id(), command.withVersion(current.version()), caller);
		return false;
	}

	/**
	 * A row of the province system's push by external id; a member entered here with the
	 * same ID number and no external id is taken over. Nothing is written when nothing
	 * differs.
	 */
	@Transactional
	PartyOrganizations.Outcome sync(String externalId, MemberCommand command, ScopedPrincipal caller) {
		Optional<Long> byExternal = this.jdbc
			.queryForList("select id from party_member where external_id = :ext",
					new MapSqlParameterSource("ext", externalId), Long.class)
			.stream()
			.findFirst();
		Optional<Long> byNumber = idOfIdNumber(command.idNumber());
		if (byExternal.isEmpty() && byNumber.isEmpty()) {
			insert(this.rules.check(command, null, caller), externalId);
			return PartyOrganizations.Outcome.CREATED;
		}
		long id = byExternal.orElseGet(byNumber::get);
		if (byNumber.isPresent() && byNumber.get() != id) {
			throw new ConflictException("another member has this ID number / 该身份证号已属于其他党员");
		}
		MemberView current = find(id, caller)
			.orElseThrow(() -> new ConflictException("a member outside your area / 该党员不在您的辖区"));
		if (current.externalId() != null && !current.externalId().equals(externalId)) {
			throw new ConflictException("this ID number belongs to another external id / 该身份证号已对应其他外部编号");
		}
		MemberRules.Valid valid = this.rules.check(command, current, caller);
		if (externalId.equals(current.externalId()) && unchanged(id, valid)) {
			return PartyOrganizations.Outcome.UNCHANGED;
		}
		write(id, current.version(), valid, externalId);
		return PartyOrganizations.Outcome.UPDATED;
	}

	@Transactional(readOnly = true)
	MemberView view(long id, ScopedPrincipal caller) {
		return find(id, caller).orElseThrow(() -> new NotFoundException("party member", id));
	}

	@Transactional(readOnly = true)
	Optional<MemberView> find(long id, ScopedPrincipal caller) {
		MapSqlParameterSource params = new MapSqlParameterSource("id", id);
		List<Linked> rows = this.jdbc.query(
				SELECT + " where m.id = :id and " + PartyScopes.within("m.region_path", caller.scope(), params), params,
				PartyMembers::row);
		return linked(rows, caller).stream().findFirst();
	}

	@Transactional(readOnly = true)
	PageResponse<MemberView> list(MemberQueries.Filter filter, PageQuery paging, ScopedPrincipal caller) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		String where = this.queries.where(filter, caller, params);
		Pageable page = paging.toPageable(Sort.unsorted());
		Long total = this.jdbc.queryForObject("select count(*) from party_member m where " + where, params, Long.class);
		params.addValue("limit", page.getPageSize()).addValue("offset", page.getOffset());
		List<Linked> rows = this.jdbc.query(
				SELECT + " where " + where + " order by m.updated_at desc, m.id desc limit :limit offset :offset",
				params, PartyMembers::row);
		return new PageResponse<>(linked(rows, caller), total == null ? 0 : total, page.getPageNumber() + 1,
				page.getPageSize());
	}

	/** How many members the filter selects (a bad filter is a 400 here). */
	@Transactional(readOnly = true)
	long count(MemberQueries.Filter filter, ScopedPrincipal caller) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		Long total = this.jdbc.queryForObject(
				"select count(*) from party_member m where " + this.queries.where(filter, caller, params), params,
				Long.class);
		return total == null ? 0 : total;
	}

	/**
	 * Every member the filter selects, in id order, streamed (exports); identifiers in
	 * clear only when {@code unmask} and the caller holds {@code person:unmask}.
	 */
	@Transactional(readOnly = true)
	void forEach(MemberQueries.Filter filter, boolean unmask, ScopedPrincipal caller,
			BiConsumer<MemberView, Identifiers> action) {
		if (unmask && !caller.can("person:unmask")) {
			throw new AccessDeniedException("person:unmask");
		}
		MapSqlParameterSource params = new MapSqlParameterSource();
		String where = this.queries.where(filter, caller, params);
		JdbcTemplate streaming = new JdbcTemplate(this.jdbc.getJdbcTemplate().getDataSource());
		streaming.setFetchSize(1000);
		new NamedParameterJdbcTemplate(streaming).query(SELECT + " where " + where + " order by m.id", params,
				(RowCallbackHandler) rs -> {
					MemberView member = row(rs, 0).view();
					action.accept(member,
							unmask ? identifiers(rs) : new Identifiers(member.idNumber(), member.phone()));
				});
	}

	/**
	 * The full identifiers, for holders of {@code person:unmask}; every call is audited.
	 */
	@Transactional
	Identifiers unmask(long id, ScopedPrincipal caller) {
		if (!caller.can("person:unmask")) {
			throw new AccessDeniedException("person:unmask");
		}
		view(id, caller);
		Identifiers identifiers = this.jdbc.queryForObject(
				"select id_key, id_cipher, phone_key, phone_cipher from party_member where id = :id",
				new MapSqlParameterSource("id", id), (rs, n) -> identifiers(rs));
		this.audit.record(AuditRecord.success("PARTY_MEMBER_UNMASK", "party-member", id,
				identifiers.phone() == null ? "idNumber" : "idNumber,phone"));
		return identifiers;
	}

	private Identifiers identifiers(ResultSet rs) throws SQLException {
		return new Identifiers(this.protection.open(rs.getString("id_key"), rs.getBytes("id_cipher")),
				rs.getString("phone_key") == null ? null
						: this.protection.open(rs.getString("phone_key"), rs.getBytes("phone_cipher")));
	}

	private Optional<Long> idOfIdNumber(String idNumber) {
		if (idNumber == null || idNumber.isBlank()) {
			return Optional.empty();
		}
		return this.jdbc
			.queryForList("select id from party_member where id_hash = :hash",
					new MapSqlParameterSource("hash", this.protection.hash(idNumber)), Long.class)
			.stream()
			.findFirst();
	}

	private long insert(MemberRules.Valid v, String externalId) {
		if (idOfIdNumber(v.command().idNumber()).isPresent()) {
			throw new ConflictException("already registered as a party member / 该身份证号已登记为党员");
		}
		MapSqlParameterSource params = params(v).addValue("ext", externalId);
		idNumber(params, v.command().idNumber());
		phone(params, v.command().phone());
		long id = this.jdbc.queryForObject("""
				insert into party_member (name, gender, id_cipher, id_key, id_hash, id_masked, phone_cipher, phone_key,
				    phone_hash, phone_masked, organization_id, status, joined_on, grid_id, region_path, dual_report,
				    external_id, created_at, updated_at)
				values (:name, :gender, :idCipher, :idKey, :idHash, :idMasked, :phoneCipher, :phoneKey, :phoneHash,
				    :phoneMasked, :organization, :status, :joined, :grid, :path, :dual, :ext, :now, :now)
				returning id""", params, Long.class);
		this.audit.record(AuditRecord.success("PARTY_MEMBER_CREATE", "party-member", id, v.organization().code()));
		return id;
	}

	private void write(long id, int version, MemberRules.Valid v, String externalId) {
		if (v.command().idNumber() != null) {
			idOfIdNumber(v.command().idNumber()).filter(other -> other != id).ifPresent(other -> {
				throw new ConflictException("another member has this ID number / 该身份证号已属于其他党员");
			});
		}
		MapSqlParameterSource params = params(v).addValue("ext", externalId)
			.addValue("id", id)
			.addValue("version", version);
		StringBuilder identifiers = new StringBuilder();
		if (v.command().idNumber() != null) {
			idNumber(params, v.command().idNumber());
			identifiers.append(", id_cipher = :idCipher, id_key = :idKey, id_hash = :idHash, id_masked = :idMasked");
		}
		if (v.command().phone() != null) {
			phone(params, v.command().phone());
			identifiers.append(", phone_cipher = :phoneCipher, phone_key = :phoneKey, phone_hash = :phoneHash,"
					+ " phone_masked = :phoneMasked");
		}
		int updated = this.jdbc.update("""
				update party_member set name = :name, gender = :gender, organization_id = :organization,
				    status = :status, joined_on = :joined, grid_id = :grid, region_path = :path, dual_report = :dual,
				    external_id = :ext, updated_at = :now, version = version + 1%s
				where id = :id and version = :version""".formatted(identifiers), params);
		if (updated != 1) {
			throw new ConflictException("changed by someone else; reload / 数据已被他人修改，请刷新");
		}
		this.audit.record(AuditRecord.success("PARTY_MEMBER_UPDATE", "party-member", id, v.organization().code()));
	}

	/** Whether the stored member already says all the command says. */
	private boolean unchanged(long id, MemberRules.Valid v) {
		MemberCommand c = v.command();
		Map<String, Object> stored = this.jdbc.queryForMap("select * from party_member where id = :id",
				new MapSqlParameterSource("id", id));
		byte[] phoneHash = c.phone() == null || c.phone().isBlank() ? null : this.protection.hash(c.phone());
		return c.name().strip().equals(stored.get("name")) && v.gender().equals(stored.get("gender"))
				&& (c.idNumber() == null
						|| Arrays.equals(this.protection.hash(c.idNumber()), (byte[]) stored.get("id_hash")))
				&& (c.phone() == null || Arrays.equals(phoneHash, (byte[]) stored.get("phone_hash")))
				&& v.organization().id() == ((Number) stored.get("organization_id")).longValue()
				&& v.status().name().equals(stored.get("status"))
				&& Objects.equals(c.joinedOn(),
						stored.get("joined_on") == null ? null
								: ((java.sql.Date) stored.get("joined_on")).toLocalDate())
				&& Objects.equals(v.grid() == null ? null : v.grid().id(),
						stored.get("grid_id") == null ? null : ((Number) stored.get("grid_id")).longValue())
				&& Boolean.TRUE.equals(c.dualReport()) == (Boolean) stored.get("dual_report");
	}

	private MapSqlParameterSource params(MemberRules.Valid v) {
		MemberCommand c = v.command();
		return new MapSqlParameterSource("name", c.name().strip()).addValue("gender", v.gender())
			.addValue("organization", v.organization().id())
			.addValue("status", v.status().name())
			.addValue("joined", c.joinedOn())
			.addValue("grid", v.grid() == null ? null : v.grid().id())
			.addValue("path", v.regionPath())
			.addValue("dual", Boolean.TRUE.equals(c.dualReport()))
			.addValue("now", Timestamp.from(this.clock.instant()));
	}

	private void idNumber(MapSqlParameterSource params, String idNumber) {
		String normalised = IdentifierProtection.normalise(idNumber);
		Sealed sealed = this.protection.seal(normalised);
		params.addValue("idCipher", sealed.cipherText())
			.addValue("idKey", sealed.keyId())
			.addValue("idHash", this.protection.hash(idNumber))
			.addValue("idMasked", Masking.idNumber(normalised));
	}

	private void phone(MapSqlParameterSource params, String phone) {
		if (phone == null || phone.isBlank()) {
			params.addValue("phoneCipher", null)
				.addValue("phoneKey", null)
				.addValue("phoneHash", null)
				.addValue("phoneMasked", null);
			return;
		}
		Sealed sealed = this.protection.seal(phone.strip());
		params.addValue("phoneCipher", sealed.cipherText())
			.addValue("phoneKey", sealed.keyId())
			.addValue("phoneHash", this.protection.hash(phone))
			.addValue("phoneMasked", Masking.phone(phone.strip()));
	}

	/** A member row and its ID-number hash, for the link to the registered person. */
	private record Linked(MemberView view, byte[] idHash) {
	}

	private List<MemberView> linked(List<Linked> rows, ScopedPrincipal caller) {
		Map<String, Long> persons = this.people.byIdNumberHash(rows.stream().map(Linked::idHash).toList(),
				caller.scope());
		return rows.stream().map(r -> r.view().withPerson(persons.get(HexFormat.of().formatHex(r.idHash())))).toList();
	}

	private static Linked row(ResultSet rs, int n) throws SQLException {
		return new Linked(new MemberView(rs.getLong("id"), rs.getString("name"), rs.getString("gender"),
				rs.getString("id_masked"), rs.getString("phone_masked"), rs.getLong("organization_id"),
				rs.getString("organization_name"), rs.getString("status"), rs.getObject("joined_on", LocalDate.class),
				rs.getObject("grid_id", Long.class), rs.getString("grid_name"), rs.getBoolean("dual_report"), null,
				rs.getString("external_id"), rs.getInt("version"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant()), rs.getBytes("id_hash"));
	}

}
