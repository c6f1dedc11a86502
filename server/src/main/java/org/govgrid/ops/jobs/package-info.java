/**
 * The job overview (标准 §8): every {@code @Scheduled} method of the platform, each run
 * recorded through Spring's scheduled-task observation (no module depends on ops for it),
 * manual runs of the safe ones, notices to the system admins when a job fails.
 */
package org.govgrid.ops.jobs;
