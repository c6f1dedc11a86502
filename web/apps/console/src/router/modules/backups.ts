import { BACKUP_PERMISSIONS } from '@/api';
import type { RouteRecordRaw } from 'vue-router';

/** 运维管理 › 备份恢复 (标准 8g): backups and restore drills; children of the ops menu (./ops.ts). */
const routes: RouteRecordRaw[] = [
  {
    path: 'backups',
    name: 'OpsBackups',
    component: () => import('@/views/ops/backups/index.vue'),
    meta: { title: 'backups.menu.backups', icon: 'Files', permission: BACKUP_PERMISSIONS.READ },
  },
];

export default routes;
