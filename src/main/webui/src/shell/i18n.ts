import { signal } from '@preact/signals';
import zhShell from '../i18n/zh-CN.json';
import enShell from '../i18n/en.json';
import zhRt from '../i18n/rt/zh-CN.json';
import enRt from '../i18n/rt/en.json';
import zhRegistry from '../i18n/registry/zh-CN.json';
import enRegistry from '../i18n/registry/en.json';
import zhScreening from '../i18n/screening/zh-CN.json';
import enScreening from '../i18n/screening/en.json';
import zhTeaching from '../i18n/teaching/zh-CN.json';
import enTeaching from '../i18n/teaching/en.json';
import zhStatistics from '../i18n/statistics/zh-CN.json';
import enStatistics from '../i18n/statistics/en.json';
import zhAdmin from '../i18n/admin/zh-CN.json';
import enAdmin from '../i18n/admin/en.json';

/**
 * One dictionary pair per area of the app (the shell and consults at the top, then radiotherapy review, case
 * management, screening, teaching and administration in their own folders), so that each area's strings live beside each
 * other. Keys are unique across areas; an area's keys start with its name.
 */
export const areas = {
  shell: { 'zh-CN': zhShell, en: enShell },
  rt: { 'zh-CN': zhRt, en: enRt },
  registry: { 'zh-CN': zhRegistry, en: enRegistry },
  screening: { 'zh-CN': zhScreening, en: enScreening },
  teaching: { 'zh-CN': zhTeaching, en: enTeaching },
  statistics: { 'zh-CN': zhStatistics, en: enStatistics },
  admin: { 'zh-CN': zhAdmin, en: enAdmin },
};

const zh = { ...zhShell, ...zhRt, ...zhRegistry, ...zhScreening, ...zhTeaching, ...zhStatistics, ...zhAdmin };

/** Every key of the zh-CN dictionaries; the English ones must have the same keys (checked by tsc and vitest). */
export type Key = keyof typeof zh;
export type Lang = 'zh-CN' | 'en';

const en: Record<Key, string> = { ...enShell, ...enRt, ...enRegistry, ...enScreening, ...enTeaching, ...enStatistics, ...enAdmin };
export const dictionaries: Record<Lang, Record<Key, string>> = { 'zh-CN': zh, en };

const STORAGE_KEY = 'consilium.lang';

function remembered(): Lang {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (saved === 'en' || saved === 'zh-CN') return saved;
  } catch {
    // storage may be blocked; the default applies
  }
  return 'zh-CN';
}

/** The user's language: zh-CN unless they chose English, remembered in this browser. */
export const lang = signal<Lang>(remembered());

export function setLang(l: Lang): void {
  lang.value = l;
  try {
    localStorage.setItem(STORAGE_KEY, l);
  } catch {
    // not remembered, still switched
  }
  document.documentElement.lang = l;
}

/** The string for {@code key} in the current language, with {name} placeholders filled. */
export function t(key: Key, params?: Record<string, string | number>): string {
  return translate(lang.value, key, params);
}

export function translate(l: Lang, key: Key, params?: Record<string, string | number>): string {
  const s = dictionaries[l][key] ?? key;
  return params ? s.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? '')) : s;
}

export function formatDateTime(iso: string | undefined | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lang.value, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** An SLA clock or other span in seconds, as the user reads it: "2 d 3 h", "3 h 5 min", "4 min". */
export function formatDuration(seconds: number | undefined | null, l: Lang = lang.value): string {
  if (seconds == null) return '';
  const d = Math.floor(seconds / 86400);
  const h = Math.floor((seconds % 86400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const parts: string[] = [];
  if (d) parts.push(translate(l, 'time.days', { n: d }));
  if (h) parts.push(translate(l, 'time.hours', { n: h }));
  if (!d && (m || !h)) parts.push(translate(l, 'time.minutes', { n: m }));
  return parts.join(' ');
}
