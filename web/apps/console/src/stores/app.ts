import { currentLocale, setLocale, type Locale } from '@/locales';
import { defineStore } from 'pinia';
import { ref } from 'vue';

const COLLAPSE_KEY = 'govgrid.sidebarCollapsed';

/** UI preferences: language and sidebar state, both remembered in localStorage. */
export const useAppStore = defineStore('app', () => {
  const locale = ref<Locale>(currentLocale());
  const collapsed = ref(localStorage.getItem(COLLAPSE_KEY) === '1');

  function changeLocale(next: Locale): void {
    setLocale(next);
    locale.value = next;
  }

  function toggleSidebar(): void {
    collapsed.value = !collapsed.value;
    localStorage.setItem(COLLAPSE_KEY, collapsed.value ? '1' : '0');
  }

  return { locale, collapsed, changeLocale, toggleSidebar };
});
