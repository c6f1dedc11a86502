package org.govgrid.platform;

import java.sql.ResultSet;
import java.sql.SQLException;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * A person's ID number and phone as the four columns each is stored in (ADR 0007):
 * {@code id_cipher, id_key, id_hash, id_masked} and {@code phone_*}, bound as the named
 * parameters {@code :idCipher, :idKey, :idHash, :idMasked} and {@code :phone*}. Shared by
 * every table that keeps people's identifiers, so all seal and mask them alike.
 */
public final class SealedIdentifiers {

	private SealedIdentifiers() {
	}

	/** Binds the ID number, normalised, sealed, hashed and masked. */
	public static MapSqlParameterSource bindIdNumber(IdentifierProtection protection, MapSqlParameterSource params,
			String idNumber) {
		String normalised = IdentifierProtection.normalise(idNumber);
		IdentifierProtection.Sealed sealed = protection.seal(normalised);
		return params.addValue("idCipher", sealed.cipherText())
			.addValue("idKey", sealed.keyId())
			.addValue("idHash", protection.hash(idNumber))
			.addValue("idMasked", Masking.idNumber(normalised));
	}

	/** Binds the phone sealed, hashed and masked; a blank phone binds four nulls. */
	public static MapSqlParameterSource bindPhone(IdentifierProtection protection, MapSqlParameterSource params,
			String phone) {
		if (phone == null || phone.isBlank()) {
			return params.addValue("phoneCipher", null)
				.addValue("phoneKey", null)
				.addValue("phoneHash", null)
				.addValue("phoneMasked", null);
		}
		IdentifierProtection.Sealed sealed = protection.seal(phone.strip());
		return params.addValue("phoneCipher", sealed.cipherText())
			.addValue("phoneKey", sealed.keyId())
			.addValue("phoneHash", protection.hash(phone))
			.addValue("phoneMasked", Masking.phone(phone.strip()));
	}

	/**
	 * For an update: binds the identifiers given (a null one keeps what is stored) and
	 * returns their assignments, {@code , id_cipher = :idCipher, ...}, for the SET
	 * clause.
	 */
	public static String bindChanged(IdentifierProtection protection, MapSqlParameterSource params, String idNumber,
			String phone) {
		StringBuilder assignments = new StringBuilder();
		if (idNumber != null) {
			bindIdNumber(protection, params, idNumber);
			assignments.append(", id_cipher = :idCipher, id_key = :idKey, id_hash = :idHash, id_masked = :idMasked");
		}
		if (phone != null) {
			bindPhone(protection, params, phone);
			assignments.append(", phone_cipher = :phoneCipher, phone_key = :phoneKey, phone_hash = :phoneHash,"
					+ " phone_masked = :phoneMasked");
		}
		return assignments.toString();
	}

	/** The row's ID number in clear, from {@code id_key} and {@code id_cipher}. */
	public static String openIdNumber(IdentifierProtection protection, ResultSet rs) throws SQLException {
		return protection.open(rs.getString("id_key"), rs.getBytes("id_cipher"));
	}

	/** The row's phone in clear, or null when it has none. */
	public static String openPhone(IdentifierProtection protection, ResultSet rs) throws SQLException {
		String keyId = rs.getString("phone_key");
		return keyId == null ? null : protection.open(keyId, rs.getBytes("phone_cipher"));
	}

}
