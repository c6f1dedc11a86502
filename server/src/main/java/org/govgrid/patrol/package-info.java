/**
 * 全科巡查 (标准 7.2.4): patrol domains with their checklists, a worker's patrol from start to
 * finish with its GPS track (uploaded in idempotent batches, stored in monthly
 * partitions), checklist results where a problem becomes an event in one step, and the
 * distance and duration worked out from the track.
 */
package org.govgrid.patrol;
