/**
 * Administrative hierarchy city → district → town → community → grid, boundaries and
 * point-to-grid lookup (标准 7.1, 7.2.2).
 */
package org.govgrid.region;
