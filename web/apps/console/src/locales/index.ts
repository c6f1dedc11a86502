import { createUiLocale } from '@govgrid/shared';
import en from './en';
import zhCN from './zh-CN';

export { LOCALES, type Locale } from '@govgrid/shared';

export const { i18n, setLocale, currentLocale, t } = createUiLocale({ 'zh-CN': zhCN, en });
