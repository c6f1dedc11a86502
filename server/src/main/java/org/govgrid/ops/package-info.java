/**
 * Operations (标准 §8): backups of the embedded database (a weekly full base backup through
 * PostgreSQL's low-level API, daily incrementals of the continuously archived WAL), each
 * with a verified manifest and table checksums, and restore drills that replay a chain
 * into a second PostgreSQL, to its end or to a point in time. Top floor: it reads the
 * others, nobody reads it.
 */
package org.govgrid.ops;
