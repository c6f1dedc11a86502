package org.govgrid.hotline;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.govgrid.event.EventSourceNumbers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The 12345 order number of each hotline event, for the event ledger. */
@Component
class HotlineEventNumbers implements EventSourceNumbers {

	private final JdbcClient jdbc;

	HotlineEventNumbers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String source() {
		return "HOTLINE_12345";
	}

	@Override
	public Map<Long, String> numbersOf(Collection<Long> eventIds) {
		Map<Long, String> numbers = new HashMap<>();
		if (eventIds.isEmpty()) {
			return numbers;
		}
		this.jdbc.sql("select event_id, order_number from hotline_order where event_id in (:ids)")
			.param("ids", eventIds)
			.query((rs, n) -> numbers.put(rs.getLong(1), rs.getString(2)))
			.list();
		return numbers;
	}

}
