/**
 * 积分奖励与动态排名 (标准 7.2.8): point rules versioned in time, an append-only points ledger fed
 * by the domain events of events, patrols and collection (in their own transactions), and
 * live rankings of grid workers and grids by month, quarter or year.
 */
package org.govgrid.performance;
