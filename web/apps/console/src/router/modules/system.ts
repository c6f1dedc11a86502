import { DICTIONARY_PERMISSIONS, PERMISSIONS } from '@/api';
import type { RouteRecordRaw } from 'vue-router';

const routes: RouteRecordRaw[] = [
  {
    path: 'system',
    name: 'System',
    redirect: { name: 'SystemUsers' },
    meta: {
      title: 'menu.system',
      icon: 'Setting',
      permission: [
        PERMISSIONS.USER_READ,
        PERMISSIONS.DEPT_READ,
        PERMISSIONS.ROLE_READ,
        PERMISSIONS.DEVICE_READ,
        DICTIONARY_PERMISSIONS.ITEM_UPDATE,
      ],
    },
    children: [
      {
        path: 'users',
        name: 'SystemUsers',
        component: () => import('@/views/system/user/index.vue'),
        meta: { title: 'menu.users', icon: 'User', permission: PERMISSIONS.USER_READ },
      },
      {
        path: 'departments',
        name: 'SystemDepartments',
        component: () => import('@/views/system/department/index.vue'),
        meta: {
          title: 'menu.departments',
          icon: 'OfficeBuilding',
          permission: PERMISSIONS.DEPT_READ,
        },
      },
      {
        path: 'roles',
        name: 'SystemRoles',
        component: () => import('@/views/system/role/index.vue'),
        meta: { title: 'menu.roles', icon: 'Key', permission: PERMISSIONS.ROLE_READ },
      },
      {
        path: 'devices',
        name: 'SystemDevices',
        component: () => import('@/views/system/device/index.vue'),
        meta: { title: 'menu.devices', icon: 'Iphone', permission: PERMISSIONS.DEVICE_READ },
      },
      {
        path: 'dictionaries',
        name: 'SystemDictionaries',
        component: () => import('@/views/system/dictionary/index.vue'),
        meta: {
          title: 'dictionary.menu',
          icon: 'Collection',
          permission: DICTIONARY_PERMISSIONS.ITEM_UPDATE,
        },
      },
    ],
  },
];

export default routes;
