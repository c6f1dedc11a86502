import { SPECIAL_UTILITY_PERMISSIONS } from '@/api';
import type { RouteRecordRaw } from 'vue-router';

/** 特色数据 › 水电煤气 (standard 7.3.3): the meters and one meter's daily usage. */
const routes: RouteRecordRaw[] = [
  {
    path: 'special',
    name: 'Special',
    redirect: { name: 'SpecialMeters' },
    meta: {
      title: 'specialUtility.menu.group',
      icon: 'DataAnalysis',
      permission: SPECIAL_UTILITY_PERMISSIONS.READ,
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
    ],
  },
];

export default routes;
