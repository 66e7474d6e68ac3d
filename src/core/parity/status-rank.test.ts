import { describe, expect, it } from 'vitest';
import { STATUS_ORDER, compareStatus, worstOf, worstStatus } from './status-rank';

describe('status ranking', () => {
  it('orders fail > warn > unknown > pass', () => {
    expect([...STATUS_ORDER].sort(compareStatus).reverse()).toEqual(['fail', 'warn', 'unknown', 'pass']);
  });
  it('an unverified row outranks a pass, whatever order the rows come in', () => {
    expect(worstStatus('pass', 'unknown')).toBe('unknown');
    expect(worstStatus('unknown', 'pass')).toBe('unknown');
    expect(worstOf(['pass', 'unknown', 'pass'])).toBe('unknown');
    expect(worstOf(['unknown', 'warn'])).toBe('warn');
    expect(worstOf([])).toBeUndefined();
  });
});
