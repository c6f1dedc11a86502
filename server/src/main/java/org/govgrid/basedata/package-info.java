/**
 * 基础数据 (标准 7.2.2a, 7.3.2; GB/T 31000-2015 "9+X"): people (实有人口) with their key-group
 * tags, houses and their tenants, places, organisations, things (部件), disputes and daily
 * notes (情), each placed in a grid and read within the caller's scope; the national code
 * tables. ID numbers and phones are sealed at rest and masked in every response;
 * revealing them takes {@code person:unmask} and is audited.
 */
package org.govgrid.basedata;
