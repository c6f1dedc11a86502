/**
 * Dictionaries (字典管理): the code tables of forms, filters and imports — the GB/T lists and
 * the platform's own kinds — with their items, editable by the system admin, versioned
 * and audited; system codes are protected from deletion. Readable by every module.
 */
package org.govgrid.dictionary;
