/**
 * Notices (通知公告, 标准 7.2.11): a town's centre or leaders publish notices to regions and
 * roles; each recipient's inbox, read receipts and who has not read, per region.
 */
package org.govgrid.notice;
