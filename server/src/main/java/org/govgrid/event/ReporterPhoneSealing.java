package org.govgrid.event;

import java.util.List;
import java.util.Map;

import org.govgrid.platform.IdentifierProtection;
import org.govgrid.platform.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals reporters' phones written in clear before they were sealed on report (or loaded
 * in bulk), a page at a time, leaving only the masked form in {@code reporter_phone}.
 */
@Component
class ReporterPhoneSealing {

	private static final Logger log = LoggerFactory.getLogger(ReporterPhoneSealing.class);

	private static final int PAGE = 1000;

	private final JdbcTemplate jdbc;

	private final IdentifierProtection protection;

	private final TransactionTemplate transactions;

	ReporterPhoneSealing(JdbcTemplate jdbc, IdentifierProtection protection, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.protection = protection;
		this.transactions = transactions;
	}

	@EventListener(ApplicationReadyEvent.class)
	void sealLegacyPhones() {
		int sealed = 0;
		int page;
		do {
			Integer done = this.transactions.execute(status -> sealPage());
			page = done == null ? 0 : done;
			sealed += page;
		}
		while (page == PAGE);
		if (sealed > 0) {
			log.info("Sealed {} reporters' phones kept in clear by an older version", sealed);
		}
	}

	private int sealPage() {
		List<Map<String, Object>> rows = this.jdbc.queryForList("""
				select id, reporter_phone from event
				where reporter_phone is not null and reporter_phone_cipher is null
				order by id limit ? for update skip locked""", PAGE);
		for (Map<String, Object> row : rows) {
			String phone = (String) row.get("reporter_phone");
			IdentifierProtection.Sealed cipher = this.protection.seal(phone);
			this.jdbc.update(
					"update event set reporter_phone = ?, reporter_phone_cipher = ?, reporter_phone_key = ? where id = ?",
					Masking.phone(phone), cipher.cipherText(), cipher.keyId(), row.get("id"));
		}
		return rows.size();
	}

}
