import { createUiLocale } from '@govgrid/shared';
import { Locale as VantLocale } from 'vant';
import vantEn from 'vant/es/locale/lang/en-US';
import vantZh from 'vant/es/locale/lang/zh-CN';
import en from './en';
import zhCN from './zh-CN';

export { LOCALES, type Locale } from '@govgrid/shared';

/** Switching the language also switches Vant's own texts. */
export const { i18n, setLocale, currentLocale, t } = createUiLocale(
  { 'zh-CN': zhCN, en },
  (locale) => VantLocale.use(locale, locale === 'zh-CN' ? vantZh : vantEn),
);
