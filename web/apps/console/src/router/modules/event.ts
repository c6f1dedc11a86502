import { PERMISSIONS } from '@/api';
import type { RouteRecordRaw } from 'vue-router';

/**
 * 事件管理: events, the dispatch board (联动指挥), tasks, routing rules and categories. The group
 * has no page of its own; its children carry absolute paths (`/events`, `/dispatch`, ...).
 */
const routes: RouteRecordRaw[] = [
  {
    path: 'event-center',
    name: 'EventCenter',
    redirect: { name: 'EventList' },
    meta: {
      title: 'menu.events',
      icon: 'Bell',
      permission: [
        PERMISSIONS.EVENT_READ,
        PERMISSIONS.BOARD_READ,
        PERMISSIONS.TASK_READ,
        PERMISSIONS.ROUTING_READ,
        PERMISSIONS.CATEGORY_WRITE,
      ],
    },
    children: [
      {
        path: '/events',
        name: 'EventList',
        component: () => import('@/views/event/list/index.vue'),
        meta: { title: 'menu.eventList', icon: 'List', permission: PERMISSIONS.EVENT_READ },
      },
      {
        path: '/events/:id(\\d+)',
        name: 'EventDetail',
        component: () => import('@/views/event/detail/index.vue'),
        meta: {
          title: 'menu.eventDetail',
          permission: PERMISSIONS.EVENT_READ,
          hideInMenu: true,
          activeMenu: '/events',
        },
      },
      {
        path: '/dispatch',
        name: 'DispatchBoard',
        component: () => import('@/views/dispatch/board/index.vue'),
        meta: {
          title: 'menu.dispatchBoard',
          icon: 'Promotion',
          permission: PERMISSIONS.BOARD_READ,
        },
      },
      {
        path: '/dispatch/tasks',
        name: 'DispatchTasks',
        component: () => import('@/views/dispatch/task/index.vue'),
        meta: { title: 'menu.dispatchTasks', icon: 'Tickets', permission: PERMISSIONS.TASK_READ },
      },
      {
        path: '/events/routing-rules',
        name: 'RoutingRules',
        component: () => import('@/views/event/routing/index.vue'),
        meta: { title: 'menu.routingRules', icon: 'Guide', permission: PERMISSIONS.ROUTING_READ },
      },
      {
        path: '/events/categories',
        name: 'EventCategories',
        component: () => import('@/views/event/category/index.vue'),
        meta: {
          title: 'menu.eventCategories',
          icon: 'Collection',
          permission: [PERMISSIONS.CATEGORY_WRITE, PERMISSIONS.ROUTING_READ],
        },
      },
    ],
  },
];

export default routes;
