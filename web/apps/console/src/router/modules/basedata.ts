import { BASEDATA_PERMISSIONS as P } from '@/api';
import type { RouteRecordRaw, RouteRecordSingleView } from 'vue-router';

/** A list page and its `/:id` twin, which opens the record's drawer (search hits, map popups). */
function listWithDetail(
  path: string,
  name: string,
  title: string,
  icon: string,
  permission: string,
  component: RouteRecordSingleView['component'],
): RouteRecordRaw[] {
  return [
    { path, name, component, meta: { title, icon, permission } },
    {
      path: `${path}/:id(\\d+)`,
      name: `${name}Detail`,
      component,
      meta: { title, permission, hideInMenu: true, activeMenu: path },
    },
  ];
}

/**
 * 基础数据 (GB/T 31000 人地事情物组织): the panoramic grid map with the grid profiles, one page per
 * kind and the import jobs. The group has no page of its own; its children carry absolute paths.
 */
const routes: RouteRecordRaw[] = [
  {
    path: 'basedata-center',
    name: 'BaseDataCenter',
    redirect: { name: 'Panorama' },
    meta: {
      title: 'basedata.menu.group',
      icon: 'Collection',
      permission: [P.PERSON_READ, P.OBJECT_READ, P.SITUATION_READ],
    },
    children: [
      {
        path: '/panorama',
        name: 'Panorama',
        component: () => import('@/views/basedata/panorama/index.vue'),
        meta: {
          title: 'basedata.menu.panorama',
          icon: 'MapLocation',
          permission: [P.PERSON_READ, P.OBJECT_READ],
        },
      },
      {
        path: '/panorama/grids/:id(\\d+)',
        name: 'GridProfile',
        component: () => import('@/views/basedata/grid-profile/index.vue'),
        meta: {
          title: 'basedata.menu.gridProfile',
          permission: P.PERSON_READ,
          hideInMenu: true,
          activeMenu: '/panorama',
        },
      },
      ...listWithDetail(
        '/basedata/people',
        'People',
        'basedata.menu.people',
        'User',
        P.PERSON_READ,
        () => import('@/views/basedata/people/index.vue'),
      ),
      ...listWithDetail(
        '/basedata/houses',
        'Houses',
        'basedata.menu.houses',
        'House',
        P.OBJECT_READ,
        () => import('@/views/basedata/houses/index.vue'),
      ),
      ...listWithDetail(
        '/basedata/places',
        'Places',
        'basedata.menu.places',
        'Shop',
        P.OBJECT_READ,
        () => import('@/views/basedata/places/index.vue'),
      ),
      ...listWithDetail(
        '/basedata/organizations',
        'Organizations',
        'basedata.menu.organizations',
        'OfficeBuilding',
        P.OBJECT_READ,
        () => import('@/views/basedata/organizations/index.vue'),
      ),
      ...listWithDetail(
        '/basedata/things',
        'Things',
        'basedata.menu.things',
        'Box',
        P.OBJECT_READ,
        () => import('@/views/basedata/things/index.vue'),
      ),
      ...listWithDetail(
        '/basedata/disputes',
        'Disputes',
        'basedata.menu.disputes',
        'ChatDotRound',
        P.SITUATION_READ,
        () => import('@/views/basedata/disputes/index.vue'),
      ),
      {
        path: '/basedata/daily-notes',
        name: 'DailyNotes',
        component: () => import('@/views/basedata/daily-notes/index.vue'),
        meta: { title: 'basedata.menu.dailyNotes', icon: 'Notebook', permission: P.SITUATION_READ },
      },
      {
        path: '/basedata/imports',
        name: 'Imports',
        component: () => import('@/views/basedata/imports/index.vue'),
        meta: { title: 'basedata.menu.imports', icon: 'Upload', permission: P.IMPORT },
      },
    ],
  },
];

/** 搜索结果: opened from the header's search box; the words travel in a store, never in the URL. */
export const searchRoute: RouteRecordRaw = {
  path: 'search',
  name: 'Search',
  component: () => import('@/views/search/index.vue'),
  meta: { title: 'basedata.menu.search', permission: P.SEARCH, hideInMenu: true },
};

export default routes;
