import { describe, expect, test } from 'vitest';

import { TRANSLATED_ERRORS, errorKey, errorSentence, sentenceOf } from '../../src/errors';
import { en, translate, zh } from '../../src/i18n';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionary', () => {
  test('Chinese has every English key with the same placeholders, and is really translated', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(zh[key], key).toBeTruthy();
      expect(placeholders(zh[key]), key).toEqual(placeholders(en[key]));
    }
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    // Texts with letters in English carry Chinese characters in zh (codes such as "{cf} % / {lt} %" excepted).
    const untranslated = (Object.keys(en) as (keyof typeof en)[]).filter(
      (k) => /[a-z]{3}/i.test(en[k].replace(/\{\w+\}|USDX|XBTC|XDI|KYC|KYB|P2P|LP|APR|APY|sudo|Alice|Bob|Charlie|blake2b-256|nonce/g, '')) && !/[\u4e00-\u9fff]/.test(zh[k]),
    );
    expect(untranslated).toEqual([]);
  });
  test('placeholders are filled', () => {
    expect(translate('en', 'tx.inBlock', { n: 7 })).toBe('In block #7, waiting for finality …');
    expect(translate('zh', 'tx.inBlock', { n: 7 })).toBe('已进入区块 #7，等待最终确认 …');
  });
});

describe('dispatch errors', () => {
  test('keys from polkadot-api dispatch errors', () => {
    expect(errorKey({ type: 'Module', value: { type: 'LiquidityPools', value: { type: 'PriceStale' } } })).toBe('LiquidityPools.PriceStale');
    expect(errorKey({ type: 'Token', value: { type: 'FundsUnavailable' } })).toBe('Token.FundsUnavailable');
    expect(errorKey({ type: 'BadOrigin' })).toBe('BadOrigin');
    expect(errorKey({ type: 'Invalid', value: { type: 'Payment' } })).toBe('Invalid.Payment');
  });
  test('each hand-written sentence has both languages', () => {
    for (const k of TRANSLATED_ERRORS) {
      const s = sentenceOf(k)!;
      expect(s.en.length, k).toBeGreaterThan(5);
      expect(/[\u4e00-\u9fff]/.test(s.zh), k).toBe(true);
    }
  });
  test('the errors the browser flows can hit read as sentences', () => {
    expect(errorSentence('CreditRecords.ExposureCapExceeded', 'en')).toMatch(/exposure cap/);
    expect(errorSentence('CreditRecords.ExposureCapExceeded', 'zh')).toMatch(/敞口上限/);
    expect(errorSentence('LiquidityPools.InsufficientCollateral', 'zh')).toMatch(/抵押品/);
  });
  test('other errors fall back to the pallet doc', () => {
    expect(errorSentence('LiquidityPools.KinkOutOfBounds', 'en')).toBe('The chain refused this (LiquidityPools.KinkOutOfBounds): Kink outside its bounds.');
    expect(errorSentence('Nope.Nothing', 'zh')).toBe('链上拒绝了此交易（Nope.Nothing）。');
  });
});
