import type study from './study.zh-CN';

// Learn (the grid academy) on the phone
const en: typeof study = {
  title: 'Grid academy',
  empty: 'No courses yet',
  required: 'Required',
  done: 'Completed',
  points: '{n} points',
  hasQuiz: 'With quiz',
  quizPassed: 'Quiz passed',
  kind: { VIDEO: 'Video', PDF: 'Document', TEXT: 'Reading' },
  notFound: 'No such course, or not published',
  progress: 'Progress',
  coursePoints: 'Completion earns',
  earned: 'Points earned',
  completedToast: 'Course completed: {n} points earned',
  confirmRead: 'I have read it',
  openPdf: 'Open the document',
  page: 'Page {n} of {of}',
  prevPage: 'Previous',
  nextPage: 'Page read',
  quiz: 'Quiz',
  passScore: 'pass mark {n} · passing earns {p} points',
  quizPassedBest: 'Quiz passed, best score {n}',
  questionKind: { SINGLE: 'Single choice', MULTIPLE: 'Multiple choice', TRUE_FALSE: 'True/false' },
  answerAll: 'Please answer every question',
  submitQuiz: 'Submit answers',
  passed: 'Well done: quiz passed',
  failed: 'Not passed (pass mark {n})',
  quizEarned: '{n} points earned',
  alreadyPassed: 'Passed before: no points this time',
  again: 'Try again',
};

export default en;
