import 'vue-router';

export {};

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the page and menu title */
    title?: string;
    /** name of an icon in `@/layouts/icons` */
    icon?: string;
    /** required permission; an array means any-of */
    permission?: string | string[];
    /** reachable without signing in */
    public?: boolean;
    /** not listed in the side menu */
    hideInMenu?: boolean;
    /** the menu entry to highlight while a hidden page is open (e.g. a detail page) */
    activeMenu?: string;
  }
}
