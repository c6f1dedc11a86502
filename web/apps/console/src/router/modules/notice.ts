import { NOTICE_PERMISSIONS } from '@/api';
import type { RouteRecordRaw } from 'vue-router';

/** 通知公告 (standard 7.2.11): the inbox, one notice with its receipts, and the editor. */
const routes: RouteRecordRaw[] = [
  {
    path: '/notices',
    name: 'NoticeList',
    component: () => import('@/views/notice/list/index.vue'),
    meta: {
      title: 'notice.menu.notices',
      icon: 'Message',
      permission: [NOTICE_PERMISSIONS.READ, NOTICE_PERMISSIONS.MANAGE],
    },
  },
  {
    path: '/notices/new',
    name: 'NoticeCreate',
    component: () => import('@/views/notice/editor/index.vue'),
    meta: {
      title: 'notice.menu.editor',
      permission: NOTICE_PERMISSIONS.MANAGE,
      hideInMenu: true,
      activeMenu: '/notices',
    },
  },
  {
    path: '/notices/:id(\\d+)/edit',
    name: 'NoticeEdit',
    component: () => import('@/views/notice/editor/index.vue'),
    meta: {
      title: 'notice.menu.editor',
      permission: NOTICE_PERMISSIONS.MANAGE,
      hideInMenu: true,
      activeMenu: '/notices',
    },
  },
  {
    path: '/notices/:id(\\d+)',
    name: 'NoticeDetail',
    component: () => import('@/views/notice/detail/index.vue'),
    meta: {
      title: 'notice.menu.detail',
      permission: [NOTICE_PERMISSIONS.READ, NOTICE_PERMISSIONS.MANAGE],
      hideInMenu: true,
      activeMenu: '/notices',
    },
  },
];

export default routes;
