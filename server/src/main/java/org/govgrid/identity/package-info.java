/**
 * Users, departments, roles, permissions, devices, login, sessions, password policy and
 * data scope (标准 4c, 7.2.10, 8c, 8d).
 */
package org.govgrid.identity;
