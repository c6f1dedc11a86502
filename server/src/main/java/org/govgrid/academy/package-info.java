/**
 * 网格学院 (标准 7.2.11): courses (video, pdf, text) with the roles they are required for, each
 * learner's monotonic progress, short scored quizzes, and the learning records of the
 * people in a manager's scope; completions and passes earn points through published
 * events.
 */
package org.govgrid.academy;
