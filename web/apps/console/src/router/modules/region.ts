import { PERMISSIONS } from '@/api';
import type { RouteRecordRaw } from 'vue-router';

const routes: RouteRecordRaw[] = [
  {
    path: 'regions',
    name: 'RegionMap',
    component: () => import('@/views/region/map/index.vue'),
    meta: { title: 'menu.regions', icon: 'MapLocation', permission: PERMISSIONS.REGION_READ },
  },
];

export default routes;
