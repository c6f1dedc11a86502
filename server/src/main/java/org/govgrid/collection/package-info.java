/**
 * 信息采集 (标准 7.2.3): versioned form templates with typed, validated fields, campaigns that
 * assign a form to an area with a due date, records collected by grid workers (idempotent
 * by the phone's key) and their review by the community (approve / send back), every step
 * kept.
 */
package org.govgrid.collection;
