package org.govgrid.notice;

import java.time.Instant;
import java.util.List;

/**
 * Who received a notice and who has read it: totals, one row per recipient's own region
 * (their grid, community or town) and one per recipient, unread first.
 */
record NoticeReceipts(int total, int read, int unread, List<RegionTally> byRegion, List<Receipt> users) {

	record RegionTally(long regionId, String name, int total, int read) {
	}

	record Receipt(long userId, String name, String regionName, boolean read, Instant readAt) {
	}

}
