/**
 * Open platform (开放平台, 标准 4d, 7.3.1): the OAuth 2.1 authorization server (Spring
 * Security's) with its signing keys, API clients of other systems with scopes, a region
 * scope, a rate limit and allowed addresses, and bearer tokens accepted on the API;
 * signed webhooks delivered from a transactional outbox, the change feed for data
 * exchange, and Open311 GeoReport v2 for civic requests.
 */
package org.govgrid.openplatform;
