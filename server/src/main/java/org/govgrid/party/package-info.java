/**
 * 基层党建 (标准 7.2.1 a–b): party organisations placed into grids, party members (ID numbers
 * and phones sealed like people's), activities reported from the grid with photos and
 * video, the statistics, map layers and the sync API of the province's party-building
 * system.
 */
package org.govgrid.party;
