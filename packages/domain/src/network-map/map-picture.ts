/**
 * The young person's picture on a network map: which files Roundtable takes, how large, and
 * reading what a file really is from its first bytes (never from its name or the type a browser
 * claims), with its size in pixels. Client and server say the same limits in the same words. Pure:
 * no I/O.
 *
 * The pixel bound matters as much as the byte bound: a small PNG of one colour can unpack to
 * gigabytes, and the map's PNG download unpacks the picture on the server.
 */
import type { AccessLevel } from "../documents.js";
import { isFamilyRole, type Role } from "../roles.js";

/**
 * Who may add, change or remove the picture: whoever may change the map, and the family — the
 * parents and the young person, who comment on a map they can see but choose the picture of
 * their child, or of themselves, that sits at its centre.
 */
export function mayChangeMapPicture(role: Role, access: AccessLevel): boolean {
  return access === "edit" || (isFamilyRole(role) && access === "comment");
}

export const mapPictureTypes = ["image/png", "image/jpeg", "image/webp"] as const;
export type MapPictureType = (typeof mapPictureTypes)[number];

/** At most this many bytes in a picture file (2 MB). */
export const mapPictureMaxBytes = 2 * 1024 * 1024;
/** At most this many pixels on either side (a 12-megapixel phone photo is 4032 × 3024). */
export const mapPictureMaxSide = 4096;

/** Said before someone chooses a file, and in the refusals below. */
export const mapPictureLimitWords = "a photo or picture saved as PNG, JPEG or WebP, up to 2 MB";

export const mapPictureTooLargeMessage = "This picture is too large: pictures can be up to 2 MB. Try a smaller copy of it, or a screenshot of it.";
export const mapPictureWrongTypeMessage =
  "This file is not a picture Roundtable can take. Choose a photo or picture saved as PNG, JPEG or WebP.";

/** The picture as stored and shown: what it is and when it was added, for the editor's list. */
export interface MapPictureInfo {
  contentType: MapPictureType;
  bytes: number;
  width: number;
  height: number;
  /** Changes whenever the picture does: for asking for the new one. */
  etag: string;
  addedAt: string;
}

/** Why a file was refused: a too large file is 413 over HTTP, a file of another kind 415. */
export type PictureFileRefusal = "empty" | "too-large" | "too-many-pixels" | "wrong-type";

export type PictureFileReading = { ok: true; type: MapPictureType; width: number; height: number } | { ok: false; reason: PictureFileRefusal; message: string };

/** What a file is, from its bytes: one of the types taken, with its size in pixels, or why not. */
export function readPictureFile(bytes: Uint8Array): PictureFileReading {
  if (bytes.byteLength === 0) return { ok: false, reason: "empty", message: "No picture was sent. Choose a picture file and try again." };
  if (bytes.byteLength > mapPictureMaxBytes) return { ok: false, reason: "too-large", message: mapPictureTooLargeMessage };
  const size = pngSize(bytes) ?? jpegSize(bytes) ?? webpSize(bytes);
  if (!size) return { ok: false, reason: "wrong-type", message: mapPictureWrongTypeMessage };
  const { type, width, height } = size;
  if (width < 1 || height < 1) return { ok: false, reason: "wrong-type", message: mapPictureWrongTypeMessage };
  if (width > mapPictureMaxSide || height > mapPictureMaxSide) {
    return {
      ok: false,
      reason: "too-many-pixels",
      message: `This picture is ${width} × ${height} pixels: pictures can be up to ${mapPictureMaxSide} pixels on each side. Try a smaller copy of it.`,
    };
  }
  return { ok: true, type, width, height };
}

interface Sized {
  type: MapPictureType;
  width: number;
  height: number;
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) => prefix.every((b, i) => bytes[at + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** PNG: the signature, then the IHDR chunk first, holding width and height. */
function pngSize(bytes: Uint8Array): Sized | null {
  if (bytes.byteLength < 24 || !startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) || !startsWith(bytes, ascii("IHDR"), 12)) return null;
  const v = view(bytes);
  return { type: "image/png", width: v.getUint32(16), height: v.getUint32(20) };
}

/** The JPEG markers that start a frame and carry its size (SOF0–15, but not DHT, JPG or DAC). */
const frameMarkers = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

/** JPEG: the start-of-image marker, then segments until the frame header with the size. */
function jpegSize(bytes: Uint8Array): Sized | null {
  if (!startsWith(bytes, [0xff, 0xd8, 0xff])) return null;
  const v = view(bytes);
  let at = 2;
  while (at + 4 <= bytes.byteLength) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1]!;
    // Fill bytes, and markers that stand alone without a length.
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null; // the image ended, or its data began, with no frame header
    const length = v.getUint16(at + 2);
    if (length < 2) return null;
    if (frameMarkers.has(marker)) {
      if (at + 9 > bytes.byteLength) return null;
      return { type: "image/jpeg", height: v.getUint16(at + 5), width: v.getUint16(at + 7) };
    }
    at += 2 + length;
  }
  return null;
}

/** WebP: a RIFF file of form WEBP, whose first chunk is a lossy, lossless or extended header. */
function webpSize(bytes: Uint8Array): Sized | null {
  if (bytes.byteLength < 30 || !startsWith(bytes, ascii("RIFF")) || !startsWith(bytes, ascii("WEBP"), 8)) return null;
  const v = view(bytes);
  const sized = (width: number, height: number): Sized => ({ type: "image/webp", width, height });
  if (startsWith(bytes, ascii("VP8 "), 12)) {
    // A key frame's start code, then 14-bit width and height.
    if (!startsWith(bytes, [0x9d, 0x01, 0x2a], 23)) return null;
    return sized(v.getUint16(26, true) & 0x3fff, v.getUint16(28, true) & 0x3fff);
  }
  if (startsWith(bytes, ascii("VP8L"), 12)) {
    if (bytes[20] !== 0x2f) return null;
    const bits = v.getUint32(21, true);
    return sized((bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
  }
  if (startsWith(bytes, ascii("VP8X"), 12)) {
    const uint24 = (at: number) => bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16);
    return sized(uint24(24) + 1, uint24(27) + 1);
  }
  return null;
}
