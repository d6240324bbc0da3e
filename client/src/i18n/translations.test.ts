import { describe, expect, it } from 'vitest';
import { createI18n } from './createI18n';
import { en } from './en';
import { featureStrings } from './featureStrings';
import { ru } from './ru';
import type { TranslationTree } from './types';

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

function keysOf(tree: TranslationTree, prefix = ''): Set<string> {
  const keys = new Set<string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix + key.replace(PLURAL_SUFFIX, '');
    if (typeof value === 'string') keys.add(path);
    else for (const nested of keysOf(value, `${path}.`)) keys.add(nested);
  }
  return keys;
}

describe('translations', () => {
  it('English has every key Russian has, and no others', () => {
    expect([...keysOf(en)].sort()).toEqual([...keysOf(ru)].sort());
  });

  it('every feature’s strings exist in both languages', () => {
    expect([...keysOf(featureStrings('en'))].sort()).toEqual([...keysOf(featureStrings('ru'))].sort());
  });

  it('Russian plurals pick one, few and many forms', () => {
    const i18n = createI18n('ru');
    expect(i18n.t('lobby.joinedCount', { count: 1 })).toBe('1 человек');
    expect(i18n.t('lobby.joinedCount', { count: 3 })).toBe('3 человека');
    expect(i18n.t('lobby.joinedCount', { count: 5 })).toBe('5 человек');
    expect(i18n.t('home.teamsCount', { count: 21 })).toBe('21 команда');
    expect(i18n.t('home.teamsCount', { count: 12 })).toBe('12 команд');
  });

  it('English plurals pick one and other', () => {
    const i18n = createI18n('en');
    expect(i18n.t('lobby.joinedCount', { count: 1 })).toBe('1 person');
    expect(i18n.t('lobby.joinedCount', { count: 2 })).toBe('2 people');
  });
});
