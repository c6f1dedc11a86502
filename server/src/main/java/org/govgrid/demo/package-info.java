/**
 * Demo data for the quick start (profile {@code demo}): one city, one district, two
 * towns, communities, grids, departments and the demo users.
 */
package org.govgrid.demo;
