package org.govgrid.party;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.platform.ConflictException;
import org.govgrid.platform.IdentifierProtection;
import org.govgrid.platform.SealedIdentifiers;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The party_member rows as {@link PartyMembers} writes them: checked members inserted and
 * updated (optimistically, audited), identifiers sealed as people's are, and lookups by
 * ID number or external id. Scope is the service's business, not this one's.
 */
final class MemberStore {

	private final NamedParameterJdbcTemplate jdbc;

	private final IdentifierProtection protection;

	private final AuditTrail audit;

	private final Clock clock;

	MemberStore(NamedParameterJdbcTemplate jdbc, IdentifierProtection protection, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.protection = protection;
		this.audit = audit;
		this.clock = clock;
	}

	Optional<Long> idOfExternalId(String externalId) {
		return this.jdbc
			.queryForList("select id from party_member where external_id = :ext",
					new MapSqlParameterSource("ext", externalId), Long.class)
			.stream()
			.findFirst();
	}

	Optional<Long> idOfIdNumber(String idNumber) {
		if (idNumber == null || idNumber.isBlank()) {
			return Optional.empty();
		}
		return this.jdbc
			.queryForList("select id from party_member where id_hash = :hash",
					new MapSqlParameterSource("hash", this.protection.hash(idNumber)), Long.class)
			.stream()
			.findFirst();
	}

	long insert(MemberRules.Valid v, String externalId) {
		if (idOfIdNumber(v.command().idNumber()).isPresent()) {
			throw new ConflictException("already registered as a party member / 该身份证号已登记为党员");
		}
		MapSqlParameterSource params = params(v).addValue("ext", externalId);
		SealedIdentifiers.bindIdNumber(this.protection, params, v.command().idNumber());
		SealedIdentifiers.bindPhone(this.protection, params, v.command().phone());
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

	void write(long id, int version, MemberRules.Valid v, String externalId) {
		if (v.command().idNumber() != null) {
			idOfIdNumber(v.command().idNumber()).filter(other -> other != id).ifPresent(other -> {
				throw new ConflictException("another member has this ID number / 该身份证号已属于其他党员");
			});
		}
		MapSqlParameterSource params = params(v).addValue("ext", externalId)
			.addValue("id", id)
			.addValue("version", version);
		String identifiers = SealedIdentifiers.bindChanged(this.protection, params, v.command().idNumber(),
				v.command().phone());
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
	boolean unchanged(long id, MemberRules.Valid v) {
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

}
