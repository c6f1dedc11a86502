import type { RouteRecordRaw } from 'vue-router';

const routes: RouteRecordRaw[] = [
  {
    path: '',
    name: 'Home',
    component: () => import('@/views/dashboard/home/index.vue'),
    meta: { title: 'menu.home', icon: 'HomeFilled' },
  },
];

export default routes;
