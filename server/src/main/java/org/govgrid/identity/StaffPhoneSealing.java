package org.govgrid.identity;

import java.util.List;
import java.util.Map;

import org.govgrid.platform.IdentifierProtection;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Seals staff phones kept in clear by an older version, once, at start. */
@Component
class StaffPhoneSealing {

	private final JdbcTemplate jdbc;

	private final IdentifierProtection protection;

	StaffPhoneSealing(JdbcTemplate jdbc, IdentifierProtection protection) {
		this.jdbc = jdbc;
		this.protection = protection;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Transactional
	public void sealClearPhones() {
		List<Map<String, Object>> clear = this.jdbc
			.queryForList("select id, phone from app_user where phone is not null and position(':' in phone) = 0");
		for (Map<String, Object> row : clear) {
			this.jdbc.update("update app_user set phone = ? where id = ?",
					this.protection.sealText((String) row.get("phone")), row.get("id"));
		}
	}

}
