import { describe, expect, it } from "vitest";
import { shortNumber, formatFixed, formatP, roundHalfAwayFromZero } from "../../../src/lib/core/format";

describe("formatFixed", () => {
  it("rounds half away from zero on the printed decimal, not the binary value", () => {
    // 1.005 is stored as 1.00499999999999989…; toFixed(2) gives "1.00", a reader expects "1.01".
    expect((1.005).toFixed(2)).toBe("1.00");
    expect(formatFixed(1.005, 2)).toBe("1.01");
    expect(formatFixed(2.345, 2)).toBe("2.35");
    expect(formatFixed(-2.345, 2)).toBe("-2.35");
    expect(formatFixed(57.36, 2)).toBe("57.36");
    expect(formatFixed(16.825, 2)).toBe("16.83");
  });
  it("never prints negative zero", () => {
    expect(formatFixed(-0.0004, 3)).toBe("0.000");
    expect(formatFixed(-0, 2)).toBe("0.00");
  });
  it("prints missing and non-finite values explicitly", () => {
    expect(formatFixed(null, 2)).toBe("—");
    expect(formatFixed(Number.NaN, 2)).toBe("NaN");
    expect(formatFixed(Infinity, 2)).toBe("∞");
  });
  it("handles numbers whose shortest form uses an exponent", () => {
    expect(roundHalfAwayFromZero(1.5e-7, 6)).toBe(0);
    expect(roundHalfAwayFromZero(2.5e-7, 6)).toBe(0);
    expect(roundHalfAwayFromZero(5e-7, 6)).toBe(0.000001);
    expect(formatFixed(1.23e21, 1)).toBe("1.23e+21");
  });
});

describe("formatP", () => {
  it("prints exact p to three decimals, p < 0.001 below, never 0.000", () => {
    expect(formatP(0.0231)).toBe("0.023");
    expect(formatP(0.00049)).toBe("< 0.001");
    expect(formatP(0.000999)).toBe("< 0.001");
    expect(formatP(0.001)).toBe("0.001");
    expect(formatP(0.0125)).toBe("0.013");
    expect(formatP(0.9996)).toBe("> 0.999");
    expect(formatP(null)).toBe("—");
  });
  it("with prefix reads as prose", () => {
    expect(formatP(0.0231, { prefix: true })).toBe("p = 0.023");
    expect(formatP(1e-9, { prefix: true })).toBe("p < 0.001");
    expect(formatP(0.04567, { decimals: 2, prefix: true })).toBe("p = 0.05");
  });
});

describe("shortNumber", () => {
  it("rounds like formatFixed and drops trailing zeros", () => {
    expect(shortNumber(2.5)).toBe("2.5");
    expect(shortNumber(12, 6)).toBe("12");
    expect(shortNumber(2.0005)).toBe("2.001"); // 2.0005 rounds half away from zero at 3 decimals
    expect(shortNumber(0.1 + 0.2, 6)).toBe("0.3");
    expect(shortNumber(100)).toBe("100"); // integer zeros stay
  });
});
