import { BACKUP_PERMISSIONS } from '@/api';
import type { RouteRecordRaw } from 'vue-router';

/** 运维管理 › 备份恢复 (标准 8g): backups of the embedded database and restore drills. */
const routes: RouteRecordRaw[] = [
  {
    path: 'ops',
    name: 'Ops',
    redirect: { name: 'OpsBackups' },
    meta: { title: 'backups.menu.ops', icon: 'Tools', permission: BACKUP_PERMISSIONS.READ },
    children: [
      {
        path: 'backups',
        name: 'OpsBackups',
        component: () => import('@/views/ops/backups/index.vue'),
        meta: { title: 'backups.menu.backups', icon: 'Files', permission: BACKUP_PERMISSIONS.READ },
      },
    ],
  },
];

export default routes;
