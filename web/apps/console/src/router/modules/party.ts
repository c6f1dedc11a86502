import { PARTY_PERMISSIONS } from '@/api';
import type { RouteRecordRaw } from 'vue-router';

/** 基层党建: the organisations placed into grids, their members, activities and statistics. */
const routes: RouteRecordRaw[] = [
  {
    path: 'party',
    name: 'Party',
    redirect: { name: 'PartyOrganizations' },
    meta: {
      title: 'party.menu.group',
      icon: 'Flag',
      permission: [
        PARTY_PERMISSIONS.ORGANIZATION_READ,
        PARTY_PERMISSIONS.MEMBER_READ,
        PARTY_PERMISSIONS.ACTIVITY_READ,
        PARTY_PERMISSIONS.STATS_READ,
      ],
    },
    children: [
      {
        path: '/party/organizations',
        name: 'PartyOrganizations',
        component: () => import('@/views/party/organizations/index.vue'),
        meta: {
          title: 'party.menu.organizations',
          icon: 'OfficeBuilding',
          permission: PARTY_PERMISSIONS.ORGANIZATION_READ,
        },
      },
      {
        path: '/party/members',
        name: 'PartyMembers',
        component: () => import('@/views/party/members/index.vue'),
        meta: {
          title: 'party.menu.members',
          icon: 'User',
          permission: PARTY_PERMISSIONS.MEMBER_READ,
        },
      },
      {
        path: '/party/activities',
        name: 'PartyActivities',
        component: () => import('@/views/party/activities/index.vue'),
        meta: {
          title: 'party.menu.activities',
          icon: 'Calendar',
          permission: PARTY_PERMISSIONS.ACTIVITY_READ,
        },
      },
      {
        path: '/party/stats',
        name: 'PartyStats',
        component: () => import('@/views/party/stats/index.vue'),
        meta: {
          title: 'party.menu.stats',
          icon: 'Histogram',
          permission: PARTY_PERMISSIONS.STATS_READ,
        },
      },
    ],
  },
];

export default routes;
