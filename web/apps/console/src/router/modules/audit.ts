import { PERMISSIONS } from '@/api';
import type { RouteRecordRaw } from 'vue-router';

const routes: RouteRecordRaw[] = [
  {
    path: 'audit',
    name: 'Audit',
    redirect: { name: 'AuditLogs' },
    meta: { title: 'menu.audit', icon: 'Lock', permission: PERMISSIONS.AUDIT_READ },
    children: [
      {
        path: 'logs',
        name: 'AuditLogs',
        component: () => import('@/views/audit/log/index.vue'),
        meta: { title: 'menu.auditLogs', icon: 'Document', permission: PERMISSIONS.AUDIT_READ },
      },
    ],
  },
];

export default routes;
