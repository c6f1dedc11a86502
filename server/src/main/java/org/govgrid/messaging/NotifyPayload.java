package org.govgrid.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The payload of a {@code govgrid_notifications} NOTIFY: {@code {"ids":[1,2,3]}}, the new
 * notification rows, which every node loads for the users connected to it. PostgreSQL
 * refuses payloads of 8000 bytes or more, so a large fan-out is split into several
 * notifies.
 */
final class NotifyPayload {

	static final String CHANNEL = "govgrid_notifications";

	/** At most 20 characters per id and comma: 250 ids stay far below 8000 bytes. */
	static final int IDS_PER_PAYLOAD = 250;

	private static final Pattern SHAPE = Pattern.compile("\\{\"ids\":\\[([0-9,]*)]}");

	private NotifyPayload() {
	}

	static List<String> encode(List<Long> ids) {
		List<String> payloads = new ArrayList<>();
		for (int from = 0; from < ids.size(); from += IDS_PER_PAYLOAD) {
			List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_PAYLOAD));
			StringBuilder json = new StringBuilder("{\"ids\":[");
			for (int i = 0; i < chunk.size(); i++) {
				json.append(i == 0 ? "" : ",").append(chunk.get(i).longValue());
			}
			payloads.add(json.append("]}").toString());
		}
		return payloads;
	}

	/** The ids of a payload; anything else on the channel yields none. */
	static List<Long> decode(String payload) {
		Matcher matcher = payload == null ? null : SHAPE.matcher(payload);
		if (matcher == null || !matcher.matches() || matcher.group(1).isEmpty()) {
			return List.of();
		}
		List<Long> ids = new ArrayList<>();
		for (String id : matcher.group(1).split(",")) {
			try {
				ids.add(Long.parseLong(id));
			}
			catch (NumberFormatException ex) {
				return List.of();
			}
		}
		return ids;
	}

}
