/**
 * The daily security check (标准 8e, 8f): the components of the build's CycloneDX SBOMs
 * matched against OSV advisories an operator loads offline, plus the platform's
 * self-inspection (keys, profiles, actuator, admin passwords, PostgreSQL settings), as a
 * report with a severity per finding.
 */
package org.govgrid.ops.security;
