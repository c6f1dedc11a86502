package org.govgrid.party;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.basedata.PersonLinks;
import org.govgrid.platform.ConflictException;
import org.govgrid.platform.IdentifierProtection;
import org.govgrid.platform.NotFoundException;
import org.govgrid.platform.PageQuery;
import org.govgrid.platform.PageResponse;
import org.govgrid.platform.ScopeFilter;
import org.govgrid.platform.ScopedPrincipal;
import org.govgrid.platform.SealedIdentifiers;
import org.govgrid.region.RegionService;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
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

	private final MemberStore store;

	private final PersonLinks people;

	private final AuditTrail audit;

	PartyMembers(NamedParameterJdbcTemplate jdbc, IdentifierProtection protection, PartyOrganizations organizations,
			RegionService regions, PersonLinks people, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.protection = protection;
		this.rules = new MemberRules(organizations, regions, clock);
		this.queries = new MemberQueries(regions, protection);
		this.store = new MemberStore(jdbc, protection, audit, clock);
		this.people = people;
		this.audit = audit;
	}

	record Identifiers(String idNumber, String phone) {
	}

	@Transactional
	MemberView create(MemberCommand command, ScopedPrincipal caller) {
		return view(this.store.insert(this.rules.check(command, null, caller), null), caller);
	}

	@Transactional
	MemberView update(long id, MemberCommand command, ScopedPrincipal caller) {
		MemberView current = view(id, caller);
		MemberRules.Valid valid = this.rules.check(command, current, caller);
		this.store.write(id, command.version() == null ? current.version() : command.version(), valid,
				current.externalId());
		return view(id, caller);
	}

	/**
	 * An import row: updates the member with the same ID number (if in the caller's
	 * scope) or adds a new one; whether it was added.
	 */
	@Transactional
	boolean upsert(MemberCommand command, ScopedPrincipal caller) {
		Optional<Long> existing = this.store.idOfIdNumber(command.idNumber());
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
		Optional<Long> byExternal = this.store.idOfExternalId(externalId);
		Optional<Long> byNumber = this.store.idOfIdNumber(command.idNumber());
		if (byExternal.isEmpty() && byNumber.isEmpty()) {
			this.store.insert(this.rules.check(command, null, caller), externalId);
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
		if (externalId.equals(current.externalId()) && this.store.unchanged(id, valid)) {
			return PartyOrganizations.Outcome.UNCHANGED;
		}
		this.store.write(id, current.version(), valid, externalId);
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
				SELECT + " where m.id = :id and " + ScopeFilter.of(caller.scope(), "m.region_path").addTo(params),
				params, PartyMembers::row);
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
		JdbcClient.create(this.jdbc)
			.sql(SELECT + " where " + where + " order by m.id")
			.withFetchSize(1000)
			.paramSource(params)
			.query((RowCallbackHandler) rs -> {
				MemberView member = row(rs, 0).view();
				action.accept(member, unmask ? identifiers(rs) : new Identifiers(member.idNumber(), member.phone()));
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
		return new Identifiers(SealedIdentifiers.openIdNumber(this.protection, rs),
				SealedIdentifiers.openPhone(this.protection, rs));
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
