import { http, queryParams } from './http';
import type { Page, PageQuery } from './types';

// 网格学院 (the server's `academy` module, docs/api/academy.md): courses (video, pdf, text), the
// learner's progress, quizzes with scoring, and learning records of the people in scope.

const V1 = '/api/v1';

export const ACADEMY_PERMISSIONS = {
  COURSE_READ: 'academy:course:read',
  COURSE_MANAGE: 'academy:course:manage',
  RECORD_READ: 'academy:record:read',
} as const;

export const COURSE_KINDS = ['VIDEO', 'PDF', 'TEXT'] as const;
export type CourseKind = (typeof COURSE_KINDS)[number];

export const QUESTION_KINDS = ['SINGLE', 'MULTIPLE', 'TRUE_FALSE'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** The business roles a course can be required for. */
export const LEARNER_ROLES = [
  'GRID_WORKER',
  'GRID_CHIEF',
  'CENTER_STAFF',
  'DEPT_HANDLER',
  'TOWN_LEADER',
] as const;

/** A video or pdf completes at this percent; a text when confirmed. */
export const COMPLETE_AT_PERCENT = 95;

export interface QuizOption {
  id: number;
  text: string;
  /** only for those who may edit the course; null for learners */
  correct: boolean | null;
}

export interface QuizQuestion {
  id: number;
  kind: QuestionKind;
  text: string;
  options: QuizOption[];
}

export interface Quiz {
  id: number;
  passScore: number;
  points: number;
  questionCount: number;
  /** in a course's detail only */
  questions: QuizQuestion[] | null;
}

export interface MyProgress {
  position: number;
  percent: number;
  completed: boolean;
  completedAt: string | null;
  quizPassed: boolean;
  bestScore: number | null;
}

export interface CourseFile {
  id: number;
  name: string;
  contentType: string;
  size: number;
  url: string;
}

export interface Course {
  id: number;
  title: string;
  summary: string | null;
  kind: CourseKind;
  file: CourseFile | null;
  /** the video or pdf, served in byte ranges */
  contentUrl: string | null;
  /** plain text of a TEXT course (detail only); render as text, never as HTML */
  body: string | null;
  durationSeconds: number | null;
  pages: number | null;
  requiredRoles: string[];
  requiredForMe: boolean;
  points: number;
  published: boolean;
  editable: boolean;
  mine: MyProgress;
  quiz: Quiz | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface QuizOptionCommand {
  text: string;
  correct: boolean;
}

export interface QuizQuestionCommand {
  kind: QuestionKind;
  text: string;
  options: QuizOptionCommand[];
}

export interface CourseCommand {
  title: string;
  summary?: string | null;
  kind: CourseKind;
  fileId?: number | null;
  body?: string | null;
  durationSeconds?: number | null;
  pages?: number | null;
  requiredRoles: string[];
  points: number;
  published: boolean;
  quiz: { passScore: number; points: number; questions: QuizQuestionCommand[] } | null;
  version?: number;
}

export interface CourseQuery extends PageQuery {
  required?: boolean | null;
  keyword?: string | null;
}

export interface ProgressResult {
  courseId: number;
  position: number;
  percent: number;
  completed: boolean;
  completedAt: string | null;
  justCompleted: boolean;
  pointsEarned: number;
}

export interface AttemptAnswer {
  questionId: number;
  optionIds: number[];
}

export interface AttemptResult {
  attemptId: number;
  quizId: number;
  score: number;
  passScore: number;
  passed: boolean;
  /** the questions answered right */
  correct: number[];
  firstPass: boolean;
  pointsEarned: number;
}

export interface CourseRecord {
  courseId: number;
  title: string;
  required: boolean;
  percent: number;
  completedAt: string | null;
  quizPassed: boolean;
}

export interface LearningRecord {
  userId: number;
  name: string;
  regionId: number;
  regionPath: string;
  roles: string[];
  requiredTotal: number;
  requiredDone: number;
  completed: number;
  quizzesPassed: number;
  points: number;
  lastStudiedAt: string | null;
  courses: CourseRecord[];
}

export interface RecordQuery extends PageQuery {
  userId?: number | null;
  regionId?: number | null;
  courseId?: number | null;
}

export const academyApi = {
  courses: (query: CourseQuery = {}) =>
    http
      .get<Page<Course>>(`${V1}/academy/courses`, { params: queryParams({ ...query }) })
      .then((r) => r.data),
  course: (id: number) => http.get<Course>(`${V1}/academy/courses/${id}`).then((r) => r.data),
  create: (body: CourseCommand) =>
    http.post<Course>(`${V1}/academy/courses`, body).then((r) => r.data),
  update: (id: number, body: CourseCommand) =>
    http.put<Course>(`${V1}/academy/courses/${id}`, body).then((r) => r.data),
  progress: (id: number, body: { position: number; percent?: number; completed?: boolean }) =>
    http.post<ProgressResult>(`${V1}/academy/courses/${id}/progress`, body).then((r) => r.data),
  attempt: (quizId: number, answers: AttemptAnswer[]) =>
    http
      .post<AttemptResult>(`${V1}/academy/quizzes/${quizId}/attempts`, { answers })
      .then((r) => r.data),
  records: (query: RecordQuery = {}) =>
    http
      .get<Page<LearningRecord>>(`${V1}/academy/records`, { params: queryParams({ ...query }) })
      .then((r) => r.data),
};
