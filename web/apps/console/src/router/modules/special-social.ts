import { SPECIAL_SOCIAL_PERMISSIONS } from '@/api';
import type { RouteRecordRaw } from 'vue-router';

/** 特色数据 (standard 7.3.3): public opinion matched to regions, and the crowd-flow heat map. */
const routes: RouteRecordRaw[] = [
  {
    path: 'special',
    name: 'Special',
    redirect: { name: 'SpecialOpinions' },
    meta: {
      title: 'specialSocial.menu.group',
      icon: 'DataAnalysis',
      permission: [SPECIAL_SOCIAL_PERMISSIONS.OPINION_READ, SPECIAL_SOCIAL_PERMISSIONS.CROWD_READ],
    },
    children: [
      {
        path: '/special/opinions',
        name: 'SpecialOpinions',
        component: () => import('@/views/special/opinions/index.vue'),
        meta: {
          title: 'specialSocial.menu.opinions',
          icon: 'ChatLineSquare',
          permission: SPECIAL_SOCIAL_PERMISSIONS.OPINION_READ,
        },
      },
      {
        path: '/special/crowd-flow',
        name: 'SpecialCrowdFlow',
        component: () => import('@/views/special/crowd/index.vue'),
        meta: {
          title: 'specialSocial.menu.crowd',
          icon: 'Histogram',
          permission: SPECIAL_SOCIAL_PERMISSIONS.CROWD_READ,
        },
      },
    ],
  },
];

export default routes;
