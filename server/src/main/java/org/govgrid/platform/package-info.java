/**
 * Shared platform: embedded database, RFC 9457 problem responses, paging, the current
 * user's data scope and SPA serving. Open to every module.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.govgrid.platform;
