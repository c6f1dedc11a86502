// The UI language of both apps: Chinese by default, English switchable, the choice kept in
// localStorage and sent to the server as Accept-Language.
import { setAcceptLanguage } from '@govgrid/api';
import { createI18n, type I18nOptions } from 'vue-i18n';

export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly { value: Locale; label: string }[] = [
  { value: 'zh-CN', label: '简体中文' },
  { value: 'en', label: 'English' },
];

const STORAGE_KEY = 'govgrid.locale';

function initialLocale(): Locale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'zh-CN' || saved === 'en') return saved;
  } catch {
    // storage unavailable: fall through to the default
  }
  return 'zh-CN';
}

/** The i18n instance of an app and its helpers; `onSwitch` adds what the app's UI kit needs. */
export function createUiLocale(
  messages: NonNullable<I18nOptions['messages']>,
  onSwitch: (locale: Locale) => void = () => {},
) {
  const i18n = createI18n({
    legacy: false,
    locale: initialLocale(),
    fallbackLocale: 'zh-CN',
    messages,
  });

  /** Switches the UI language, remembers it, and tells the server (Accept-Language). */
  function setLocale(locale: Locale): void {
    i18n.global.locale.value = locale;
    try {
      localStorage.setItem(STORAGE_KEY, locale);
    } catch {
      // not remembered, still switched
    }
    document.documentElement.lang = locale;
    onSwitch(locale);
    setAcceptLanguage(locale === 'zh-CN' ? 'zh-CN,zh;q=0.9,en;q=0.5' : 'en,zh-CN;q=0.5');
  }

  function currentLocale(): Locale {
    return i18n.global.locale.value as Locale;
  }

  /** Translates outside components (router guards, stores). */
  const t = (key: string, named?: Record<string, unknown>): string =>
    named ? i18n.global.t(key, named) : i18n.global.t(key);

  return { i18n, setLocale, currentLocale, t };
}
