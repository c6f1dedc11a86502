import { HOTLINE_PERMISSIONS } from '@/api';
import type { RouteRecordRaw } from 'vue-router';

/** 12345热线: the work orders, one order with its extensions and return call, the working calendar. */
const routes: RouteRecordRaw[] = [
  {
    path: 'hotline',
    name: 'Hotline',
    redirect: { name: 'HotlineOrders' },
    meta: {
      title: 'hotline.menu.group',
      icon: 'Phone',
      permission: HOTLINE_PERMISSIONS.ORDER_READ,
    },
    children: [
      {
        path: '/hotline/orders',
        name: 'HotlineOrders',
        component: () => import('@/views/hotline/orders/index.vue'),
        meta: {
          title: 'hotline.menu.orders',
          icon: 'Tickets',
          permission: HOTLINE_PERMISSIONS.ORDER_READ,
        },
      },
      {
        path: '/hotline/orders/:id(\\d+)',
        name: 'HotlineOrder',
        component: () => import('@/views/hotline/order/index.vue'),
        meta: {
          title: 'hotline.order.detail',
          permission: HOTLINE_PERMISSIONS.ORDER_READ,
          hideInMenu: true,
          activeMenu: '/hotline/orders',
        },
      },
      {
        path: '/hotline/calendar',
        name: 'HotlineCalendar',
        component: () => import('@/views/hotline/calendar/index.vue'),
        meta: {
          title: 'hotline.menu.calendar',
          icon: 'Calendar',
          permission: HOTLINE_PERMISSIONS.ORDER_READ,
        },
      },
    ],
  },
];

export default routes;
