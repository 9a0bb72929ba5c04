import { describe, expect, it } from "vitest";
import { binaryKind } from "../../src/responses/import/binary.js";

const bytes = (...b: number[]) => Uint8Array.from(b);

describe("recognising files that are not text exports", () => {
  it("names workbooks, PDFs and other binaries", () => {
    expect(binaryKind(bytes(0x50, 0x4b, 0x03, 0x04, 0x14))).toBe("xlsx");
    expect(binaryKind(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0))).toBe("xls");
    expect(binaryKind(new TextEncoder().encode("%PDF-1.7\n"))).toBe("pdf");
    expect(binaryKind(bytes(0x41, 0x00, 0x42))).toBe("binary");
  });

  it("lets text through, UTF-16 with a byte-order mark included", () => {
    expect(
      binaryKind(new TextEncoder().encode("respondent,department\n1,bauen\n")),
    ).toBeUndefined();
    expect(binaryKind(bytes(0xff, 0xfe, 0x72, 0x00, 0x65, 0x00))).toBeUndefined();
    expect(binaryKind(bytes(0xfc, 0x62, 0x65, 0x72))).toBeUndefined(); // Windows-1252 "über"
  });
});
