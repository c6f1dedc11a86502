/**
 * 全文检索 (标准 7.3.1): one search box over people, houses, organisations, places, things and
 * events with Chinese analysis (Hibernate Search, Lucene by default, Elasticsearch or
 * OpenSearch by configuration), hits restricted to the caller's region and to the kinds
 * they may read; ID numbers and phones are looked up exactly through their keyed hash.
 * The index follows the tables after each commit and is rebuilt in the background when
 * empty.
 */
package org.govgrid.search;
