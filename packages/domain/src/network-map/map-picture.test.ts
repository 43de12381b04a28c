import { describe, expect, it } from "vitest";
import { mapPictureMaxBytes, mapPictureTooLargeMessage, mapPictureWrongTypeMessage, readPictureFile } from "./map-picture.js";

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
const be32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
const be16 = (n: number) => [(n >>> 8) & 255, n & 255];
const le16 = (n: number) => [n & 255, (n >>> 8) & 255];
const le24 = (n: number) => [n & 255, (n >>> 8) & 255, (n >>> 16) & 255];
const le32 = (n: number) => [...le16(n & 0xffff), ...le16(n >>> 16)];

/** The start of a PNG: its signature and IHDR chunk (all that is read). */
const pngHead = (width: number, height: number) =>
  new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...be32(13), ...ascii("IHDR"), ...be32(width), ...be32(height), 8, 6, 0, 0, 0]);

/** A JPEG's start: an APP0 segment, a comment, then a progressive frame header. */
const jpegHead = (width: number, height: number, frame = 0xc2) =>
  new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...be16(16), ...ascii("JFIF"), 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xfe, ...be16(5), ...ascii("hi!"), 0xff, frame, ...be16(17), 8, ...be16(height), ...be16(width), 3]);

const riff = (chunk: string, body: number[]) => new Uint8Array([...ascii("RIFF"), ...le32(4 + 8 + body.length), ...ascii("WEBP"), ...ascii(chunk), ...le32(body.length), ...body, ...new Array(8).fill(0)]);

describe("reading what a picture file is from its bytes", () => {
  it("reads a PNG's, a JPEG's and each kind of WebP's size in pixels", () => {
    expect(readPictureFile(pngHead(640, 480))).toEqual({ ok: true, type: "image/png", width: 640, height: 480 });
    expect(readPictureFile(jpegHead(4032, 3024))).toEqual({ ok: true, type: "image/jpeg", width: 4032, height: 3024 });
    expect(readPictureFile(jpegHead(300, 200, 0xc0))).toEqual({ ok: true, type: "image/jpeg", width: 300, height: 200 });
    // Lossy: a key frame's tag, its start code, then 14-bit sizes (the top two bits are scaling).
    expect(readPictureFile(riff("VP8 ", [0x30, 0x01, 0x00, 0x9d, 0x01, 0x2a, ...le16(800 | 0x4000), ...le16(600)]))).toEqual({ ok: true, type: "image/webp", width: 800, height: 600 });
    // Lossless: a signature byte, then width - 1 and height - 1 in 14 bits each.
    expect(readPictureFile(riff("VP8L", [0x2f, ...le32((1024 - 1) | ((768 - 1) << 14))]))).toEqual({ ok: true, type: "image/webp", width: 1024, height: 768 });
    // Extended: flags, then the canvas's width - 1 and height - 1 in 24 bits each.
    expect(readPictureFile(riff("VP8X", [0x20, 0, 0, 0, ...le24(63), ...le24(47)]))).toEqual({ ok: true, type: "image/webp", width: 64, height: 48 });
  });

  it("refuses anything else, whatever it is called: text, a PDF, an SVG, a GIF, a JPEG with no frame", () => {
    for (const text of ["Not a picture at all, just words.", "%PDF-1.7\n1 0 obj", `<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`, "GIF89a\u0001\u0000\u0001\u0000"]) {
      expect(readPictureFile(new Uint8Array(ascii(text)))).toEqual({ ok: false, reason: "wrong-type", message: mapPictureWrongTypeMessage });
    }
    expect(readPictureFile(new Uint8Array([0xff, 0xd8, 0xff, 0xda, 0, 2, 1, 2, 3]))).toEqual({ ok: false, reason: "wrong-type", message: mapPictureWrongTypeMessage });
    expect(readPictureFile(pngHead(640, 480).slice(0, 20))).toEqual({ ok: false, reason: "wrong-type", message: mapPictureWrongTypeMessage });
    expect(readPictureFile(riff("VP8 ", [0x30, 0x01, 0x00, 0, 0, 0, 1, 0, 1, 0]))).toEqual({ ok: false, reason: "wrong-type", message: mapPictureWrongTypeMessage });
    expect(readPictureFile(pngHead(0, 480))).toEqual({ ok: false, reason: "wrong-type", message: mapPictureWrongTypeMessage });
  });

  it("refuses an empty file, one over 2 MB, and one too many pixels across however few bytes it has", () => {
    expect(readPictureFile(new Uint8Array())).toMatchObject({ ok: false, message: expect.stringContaining("No picture was sent") });
    const large = new Uint8Array(mapPictureMaxBytes + 1);
    large.set(pngHead(100, 100));
    expect(readPictureFile(large)).toEqual({ ok: false, reason: "too-large", message: mapPictureTooLargeMessage });
    const atTheLimit = new Uint8Array(mapPictureMaxBytes);
    atTheLimit.set(pngHead(100, 100));
    expect(readPictureFile(atTheLimit)).toMatchObject({ ok: true });
    expect(readPictureFile(pngHead(30000, 30000))).toEqual({
      ok: false,
      reason: "too-many-pixels",
      message: "This picture is 30000 × 30000 pixels: pictures can be up to 4096 pixels on each side. Try a smaller copy of it.",
    });
    expect(readPictureFile(jpegHead(4096, 4097))).toMatchObject({ ok: false });
    expect(readPictureFile(jpegHead(4096, 4096))).toMatchObject({ ok: true });
  });
});
