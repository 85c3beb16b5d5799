import fc from "fast-check";
import type { RawCell } from "../../src/domain/cell";

/** Any RawCell: arbitrary text (including lone surrogates), date-like text, odd numbers, booleans, null. */
export const anyRawCell: fc.Arbitrary<RawCell> = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)) }),
  fc.string({
    unit: fc.constantFrom(..."0123456789０１２ /-._:年月日度元令和平成RH以降予定登録済未定⇒→\n　,人()（）「」~".split(""), "\uD800", "㋿", "①"),
    maxLength: 40,
  }),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(NaN, Infinity, -Infinity, 1e308, -1e308, -0, Number.MIN_VALUE, 2 ** 53),
);
