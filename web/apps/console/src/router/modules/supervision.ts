import { SUPERVISION_PERMISSIONS } from '@/api';
import type { RouteRecordRaw } from 'vue-router';

/** 督办中心 (standard 7.2.11): supervision items on events, their answers and the per-unit tally. */
const routes: RouteRecordRaw[] = [
  {
    path: '/supervision',
    name: 'SupervisionCenter',
    component: () => import('@/views/supervision/center/index.vue'),
    meta: {
      title: 'supervision.menu.center',
      icon: 'Flag',
      permission: SUPERVISION_PERMISSIONS.ITEM_READ,
    },
  },
];

export default routes;
