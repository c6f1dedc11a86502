import { BACKUP_PERMISSIONS, OPS_JOB_PERMISSIONS, OPS_LOG_PERMISSIONS } from '@/api';
import type { RouteRecordRaw } from 'vue-router';
import opsJobs from './ops-jobs';
import backups from './backups';
import opsLogs from './ops-logs';

/**
 * 运维管理 (standard §8): one menu whose pages come from a router file per feature (jobs and the
 * security check in ./ops-jobs.ts, backups in ./backups.ts; add the others beside them).
 */
const children: RouteRecordRaw[] = [...opsJobs, ...backups, ...opsLogs];

const routes: RouteRecordRaw[] = [
  {
    path: 'ops',
    name: 'Ops',
    redirect: { name: children[0]?.name ?? 'OpsJobs' },
    meta: {
      title: 'opsJobs.menu.root',
      icon: 'Monitor',
      permission: [
        OPS_JOB_PERMISSIONS.JOB_READ,
        OPS_JOB_PERMISSIONS.SECURITY_READ,
        BACKUP_PERMISSIONS.READ,
        OPS_LOG_PERMISSIONS.DIGEST_READ,
      ],
    },
    children,
  },
];

export default routes;
