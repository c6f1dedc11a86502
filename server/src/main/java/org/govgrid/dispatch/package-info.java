/**
 * 联动指挥 (标准 7.2.6): the command centre's board of collaborative events, batch assignment
 * of events to a unit or person with a deadline, and tasks (任务) that the centre gives to
 * people, each with its own status.
 */
package org.govgrid.dispatch;
