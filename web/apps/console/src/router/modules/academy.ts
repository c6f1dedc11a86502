import { ACADEMY_PERMISSIONS } from '@/api';
import type { RouteRecordRaw } from 'vue-router';

/** 网格学院: course management (with quizzes) and the learning records of the people in scope. */
const routes: RouteRecordRaw[] = [
  {
    path: 'academy',
    name: 'Academy',
    redirect: { name: 'AcademyCourses' },
    meta: {
      title: 'academy.menu.root',
      icon: 'Notebook',
      permission: ACADEMY_PERMISSIONS.COURSE_READ,
    },
    children: [
      {
        path: '/academy/courses',
        name: 'AcademyCourses',
        component: () => import('@/views/academy/courses/index.vue'),
        meta: {
          title: 'academy.menu.courses',
          icon: 'Memo',
          permission: ACADEMY_PERMISSIONS.COURSE_READ,
        },
      },
      {
        path: '/academy/records',
        name: 'AcademyRecords',
        component: () => import('@/views/academy/records/index.vue'),
        meta: {
          title: 'academy.menu.records',
          icon: 'DataAnalysis',
          permission: ACADEMY_PERMISSIONS.RECORD_READ,
        },
      },
    ],
  },
];

export default routes;
