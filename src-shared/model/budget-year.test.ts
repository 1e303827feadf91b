import { describe, expect, it } from 'vitest';
import { defaultBudgetYear, newDocument } from './factory';

describe('defaultBudgetYear: the year a new document is for', () => {
  it('is this year until August, next year from September on (budgets are prepared for next year)', () => {
    expect(defaultBudgetYear(new Date(2024, 0, 1))).toBe(2024);
    expect(defaultBudgetYear(new Date(2024, 7, 31, 23, 59))).toBe(2024);
    expect(defaultBudgetYear(new Date(2024, 8, 1, 0, 0))).toBe(2025);
    expect(defaultBudgetYear(new Date(2024, 11, 20))).toBe(2025);
    expect(defaultBudgetYear(new Date(2024, 11, 31, 23, 59))).toBe(2025);
    expect(defaultBudgetYear(new Date(2025, 0, 2))).toBe(2025);
  });

  it('is what a new document gets unless a year is given', () => {
    expect(newDocument().meta.year).toBe(defaultBudgetYear());
    expect(newDocument({ year: 2019 }).meta.year).toBe(2019);
  });
});
