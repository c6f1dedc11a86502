import type { Component } from 'vue';
import * as icons from './menu-icons';

/** Icons that route `meta.icon` may name (listed in ./menu-icons, to keep the bundle small). */
export const menuIcons: Record<string, Component> = { ...icons };
