import BasicLayout from '@/layouts/BasicLayout.vue';
import type { RouteRecordRaw } from 'vue-router';
import academy from './modules/academy';
import audit from './modules/audit';
import basedata, { searchRoute } from './modules/basedata';
import collection from './modules/collection';
import event from './modules/event';
import home from './modules/home';
import notice from './modules/notice';
import openplatform from './modules/openplatform';
import party from './modules/party';
import patrol from './modules/patrol';
import region from './modules/region';
import stats, { bigScreenRoute } from './modules/stats';
import system from './modules/system';
import supervision from './modules/supervision';
import special from './modules/special';
import iot from './modules/iot';
import video from './modules/video';
import hotline from './modules/hotline';
import backups from './modules/backups';

/** Pages inside the console layout, in menu order. */
export const menuRoutes: RouteRecordRaw[] = [
  ...home,
  ...region,
  ...basedata,
  ...party,
  ...event,
  ...hotline,
  ...supervision,
  ...patrol,
  ...video,
  ...special,
  ...iot,
  ...notice,
  ...collection,
  ...academy,
  ...stats,
  ...system,
  ...openplatform,
  ...audit,
  ...backups,
];

export const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'Login',
    component: () => import('@/views/auth/login/index.vue'),
    meta: { title: 'menu.login', public: true },
  },
  {
    path: '/change-password',
    name: 'ChangePassword',
    component: () => import('@/views/auth/change-password/index.vue'),
    meta: { title: 'menu.changePassword' },
  },
  bigScreenRoute,
  {
    path: '/',
    component: BasicLayout,
    children: [
      ...menuRoutes,
      searchRoute,
      {
        path: '403',
        name: 'Forbidden',
        component: () => import('@/views/error/forbidden/index.vue'),
        meta: { title: 'menu.forbidden', hideInMenu: true },
      },
      {
        path: ':pathMatch(.*)*',
        name: 'NotFound',
        component: () => import('@/views/error/not-found/index.vue'),
        meta: { title: 'menu.notFound', hideInMenu: true },
      },
    ],
  },
];
