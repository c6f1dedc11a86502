/**
 * Demo data for the quick start (profile {@code demo}): one city, one district, two
 * towns, communities, grids, departments and the demo users, and the base data (people,
 * houses, places, organisations, things, disputes, daily notes) of two grids.
 */
package org.govgrid.demo;
