import { OPEN_PERMISSIONS } from '@/api';
import type { RouteRecordRaw } from 'vue-router';

/** 开放平台 (standard 4d, 7.3.1): the API clients of other systems. */
const routes: RouteRecordRaw[] = [
  {
    path: 'open',
    name: 'OpenPlatform',
    redirect: { name: 'OpenClients' },
    meta: {
      title: 'openplatform.menu.root',
      icon: 'Connection',
      permission: OPEN_PERMISSIONS.CLIENT_MANAGE,
    },
    children: [
      {
        path: 'clients',
        name: 'OpenClients',
        component: () => import('@/views/openplatform/clients/index.vue'),
        meta: {
          title: 'openplatform.menu.clients',
          icon: 'Key',
          permission: OPEN_PERMISSIONS.CLIENT_MANAGE,
        },
      },
      {
        path: 'developer',
        name: 'OpenDeveloper',
        component: () => import('@/views/openplatform/developer/index.vue'),
        meta: {
          title: 'openplatform.menu.developer',
          icon: 'Document',
          permission: OPEN_PERMISSIONS.CLIENT_MANAGE,
        },
      },
      {
        path: 'deliveries',
        name: 'OpenDeliveries',
        component: () => import('@/views/openplatform/deliveries/index.vue'),
        meta: {
          title: 'webhooks.menu.deliveries',
          icon: 'Promotion',
          permission: OPEN_PERMISSIONS.CLIENT_MANAGE,
        },
      },
    ],
  },
];

export default routes;
