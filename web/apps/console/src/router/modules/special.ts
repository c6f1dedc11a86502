import { SPECIAL_SOCIAL_PERMISSIONS, SPECIAL_UTILITY_PERMISSIONS } from '@/api';
import type { RouteRecordRaw } from 'vue-router';

/**
 * 特色数据 (standard 7.3.3): utility meters and one meter's daily usage (水电煤气), public
 * opinion matched to regions (网络舆情) and the crowd-flow heat map (人流热力).
 */
const routes: RouteRecordRaw[] = [
  {
    path: 'special',
    name: 'Special',
    redirect: { name: 'SpecialMeters' },
    meta: {
      title: 'specialUtility.menu.group',
      icon: 'DataAnalysis',
      permission: [
        SPECIAL_UTILITY_PERMISSIONS.READ,
        SPECIAL_SOCIAL_PERMISSIONS.OPINION_READ,
        SPECIAL_SOCIAL_PERMISSIONS.CROWD_READ,
      ],
    },
    children: [
      {
        path: '/special/meters',
        name: 'SpecialMeters',
        component: () => import('@/views/special/utility/meters/index.vue'),
        meta: {
          title: 'specialUtility.menu.meters',
          icon: 'TrendCharts',
          permission: SPECIAL_UTILITY_PERMISSIONS.READ,
        },
      },
      {
        path: '/special/meters/:id',
        name: 'SpecialMeter',
        component: () => import('@/views/special/utility/meter/index.vue'),
        meta: {
          title: 'specialUtility.menu.meter',
          permission: SPECIAL_UTILITY_PERMISSIONS.READ,
          hideInMenu: true,
          activeMenu: '/special/meters',
        },
      },
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
