import { IOT_PERMISSIONS } from '@/api';
import type { RouteRecordRaw } from 'vue-router';

/** 物联感知 (standard 7.4): the device registry on a map and a table, a device's messages, alarms. */
const routes: RouteRecordRaw[] = [
  {
    path: 'iot',
    name: 'Iot',
    redirect: { name: 'IotDevices' },
    meta: { title: 'iot.menu.root', icon: 'Cpu', permission: IOT_PERMISSIONS.DEVICE_READ },
    children: [
      {
        path: '/iot/devices',
        name: 'IotDevices',
        component: () => import('@/views/iot/devices/index.vue'),
        meta: {
          title: 'iot.menu.devices',
          icon: 'Monitor',
          permission: IOT_PERMISSIONS.DEVICE_READ,
        },
      },
      {
        path: '/iot/devices/:id(\\d+)',
        name: 'IotDevice',
        component: () => import('@/views/iot/device/index.vue'),
        meta: {
          title: 'iot.menu.device',
          permission: IOT_PERMISSIONS.DEVICE_READ,
          hideInMenu: true,
          activeMenu: '/iot/devices',
        },
      },
      {
        path: '/iot/alarms',
        name: 'IotAlarms',
        component: () => import('@/views/iot/alarms/index.vue'),
        meta: { title: 'iot.menu.alarms', icon: 'Bell', permission: IOT_PERMISSIONS.DEVICE_READ },
      },
    ],
  },
];

export default routes;
