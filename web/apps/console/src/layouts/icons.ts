import {
  Document,
  HomeFilled,
  Iphone,
  Key,
  Lock,
  MapLocation,
  OfficeBuilding,
  Setting,
  User,
} from '@element-plus/icons-vue';
import type { Component } from 'vue';

/** Icons that route `meta.icon` may name (imported one by one to keep the bundle small). */
export const menuIcons: Record<string, Component> = {
  Document,
  HomeFilled,
  Iphone,
  Key,
  Lock,
  MapLocation,
  OfficeBuilding,
  Setting,
  User,
};
