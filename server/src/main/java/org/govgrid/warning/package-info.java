/**
 * 数据研判预警 (标准 7.2.7): configurable warning rules over events (counts in a region and
 * window, repeated reports at one address, daily spikes, clusters of overdue cases,
 * spatial hotspots), evaluated after every report and by a scheduled sweep; alerts with
 * their evidence, pushed to the town's centre and leaders, acknowledged, dismissed or
 * turned into an event; the backtest of a rule over past events; and 热点研判, the DBSCAN
 * hotspots of recent events. Public API: {@link org.govgrid.warning.WarningSetup}.
 */
package org.govgrid.warning;
