import { PERMISSIONS } from '@/api';
import type { RouteRecordRaw } from 'vue-router';

/** 巡查管理: patrol records (全科巡查) and the replay of one patrol's track. */
const routes: RouteRecordRaw[] = [
  {
    path: 'patrol-center',
    name: 'PatrolCenter',
    redirect: { name: 'PatrolList' },
    meta: { title: 'menu.patrols', icon: 'Location', permission: PERMISSIONS.PATROL_READ },
    children: [
      {
        path: '/patrols',
        name: 'PatrolList',
        component: () => import('@/views/patrol/list/index.vue'),
        meta: { title: 'menu.patrolList', icon: 'List', permission: PERMISSIONS.PATROL_READ },
      },
      {
        path: '/patrols/plans',
        name: 'PatrolPlans',
        component: () => import('@/views/patrol/plan/index.vue'),
        meta: { title: 'menu.patrolPlans', icon: 'Calendar', permission: PERMISSIONS.PATROL_READ },
      },
      {
        path: '/patrols/:id(\\d+)',
        name: 'PatrolReplay',
        component: () => import('@/views/patrol/replay/index.vue'),
        meta: {
          title: 'menu.patrolReplay',
          permission: PERMISSIONS.PATROL_READ,
          hideInMenu: true,
          activeMenu: '/patrols',
        },
      },
    ],
  },
];

export default routes;
