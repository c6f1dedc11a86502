/**
 * 特色数据 (标准 7.3.3): utility meters and their readings (水电煤气), public-opinion items matched
 * to regions (网络舆情), crowd-flow counts per grid and 15 minutes (通信运营商人流时空数据), and the
 * warning signals over them.
 */
package org.govgrid.special;
