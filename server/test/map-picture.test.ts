/**
 * The young person's picture on a network map, over the real server: added, changed and taken
 * away by the people who may change the map, seen by the people who may open it and by nobody
 * else, taken only as PNG, JPEG or WebP by its own bytes and only up to 2 MB (declared or
 * streamed), served so that it can only ever be a picture, drawn in the map's downloads, on the
 * audit trail, and announced live to everyone with the map open.
 */
import { request, type ClientRequest } from "node:http";
import { Resvg } from "@resvg/resvg-js";
import { schema } from "@roundtable/db";
import { mapPictureMaxBytes, type DocumentDetail, type MapPictureInfo } from "@roundtable/domain";
import { and, eq } from "drizzle-orm";
import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseNamed, signIn, type SignedIn } from "./support/api-client.js";
import { jpegPicture, pictureHeight, pictureMiddle, pictureWidth, pngPicture, webpPicture } from "./support/picture-files.js";
import { useTestServer } from "./support/test-server.js";
import { waitFor } from "./support/wait-for.js";

const server = useTestServer();
let priya: SignedIn;
let claire: SignedIn;
let donna: SignedIn;
let angela: SignedIn;
let caseId: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  [priya, claire, donna, angela] = await Promise.all([signIn(server.url, "priya.shah"), signIn(server.url, "claire.walker"), signIn(server.url, "donna.thompson"), signIn(server.url, "angela.okafor")]);
  caseId = (await caseNamed(priya, "Jamie Walker")).id;
});
afterAll(() => {
  for (const s of sockets) s.disconnect();
});

async function newMap(title: string): Promise<string> {
  const res = await priya.post<DocumentDetail>(`/api/cases/${caseId}/documents`, { kind: "network-map", title, visibility: "family" });
  expect(res.status).toBe(201);
  return res.body.id;
}

const pictureUrl = (documentId: string) => `${server.url}/api/documents/${documentId}/picture`;

async function put(who: SignedIn, documentId: string, body: Uint8Array | string, contentType = "image/png") {
  const res = await fetch(pictureUrl(documentId), { method: "PUT", headers: { cookie: who.cookie, "content-type": contentType }, body });
  return { status: res.status, body: (await res.json()) as MapPictureInfo & { error?: string } };
}

async function get(who: SignedIn, documentId: string, headers: Record<string, string> = {}) {
  const res = await fetch(pictureUrl(documentId), { headers: { cookie: who.cookie, ...headers } });
  return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) };
}

const errorOf = (bytes: Uint8Array) => (JSON.parse(new TextDecoder().decode(bytes)) as { error: string }).error;

async function remove(who: SignedIn, documentId: string) {
  const res = await fetch(pictureUrl(documentId), { method: "DELETE", headers: { cookie: who.cookie } });
  return { status: res.status, error: res.status === 204 ? null : ((await res.json()) as { error: string }).error };
}

async function download(documentId: string, format: "svg" | "png") {
  const res = await fetch(`${server.url}/api/documents/${documentId}/map.${format}`, { headers: { cookie: priya.cookie } });
  expect(res.status).toBe(200);
  return new Uint8Array(await res.arrayBuffer());
}

async function pictureTrail(documentId: string) {
  const rows = await server.database.db
    .select({ person: schema.auditEvents.personName, detail: schema.auditEvents.detail })
    .from(schema.auditEvents)
    .where(and(eq(schema.auditEvents.documentId, documentId), eq(schema.auditEvents.action, "edited")))
    .orderBy(schema.auditEvents.id);
  return rows.filter((r) => r.detail && "picture" in r.detail);
}

/**
 * Start sending a picture as a client still uploading would (`send` writes, the request is never
 * ended), and wait for the server's answer, which must therefore come before the body ends.
 */
async function answerWhileSending(documentId: string, headers: Record<string, string>, send: (req: ClientRequest) => void) {
  let answer: { status: number; body: string } | null = null;
  const req = request(pictureUrl(documentId), { method: "PUT", headers: { cookie: priya.cookie, ...headers } });
  req.on("error", () => {}); // the server closes the connection once it has answered
  req.on("response", (res) => {
    let body = "";
    res.on("data", (d: Buffer) => (body += d.toString()));
    res.on("end", () => (answer = { status: res.statusCode ?? 0, body }));
  });
  send(req);
  try {
    return await waitFor(() => answer, { timeoutMs: 15_000, what: "an answer while the picture is still being sent" });
  } finally {
    req.destroy();
  }
}

/** A PNG's pixels, read back by drawing it (resvg decodes the file itself). */
function pixelsOf(png: Uint8Array): { width: number; at(x: number, y: number): number[] } {
  const v = new DataView(png.buffer, png.byteOffset);
  const [width, height] = [v.getUint32(16), v.getUint32(20)];
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><image href="data:image/png;base64,${Buffer.from(png).toString("base64")}" width="${width}" height="${height}"/></svg>`;
  const pixels = new Resvg(svg).render().pixels;
  return { width, at: (x, y) => [...pixels.subarray((Math.round(y) * width + Math.round(x)) * 4, (Math.round(y) * width + Math.round(x)) * 4 + 3)] };
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));
const near = (colour: number[], expected: readonly number[]) => colour.every((c, i) => Math.abs(c - expected[i]!) <= 24);

describe("adding, changing and taking away the young person's picture", () => {
  it("is added by the keyworker and seen by the family, served only as a picture, and on the trail", async () => {
    const map = await newMap("Jamie's network, with a picture");
    expect((await get(priya, map)).status).toBe(404);
    const added = await put(priya, map, pngPicture);
    expect(added).toMatchObject({ status: 201, body: { contentType: "image/png", bytes: pngPicture.byteLength, width: pictureWidth, height: pictureHeight } });

    const seen = await get(claire, map);
    expect(seen.status).toBe(200);
    expect(seen.bytes).toEqual(pngPicture);
    expect(seen.headers.get("content-type")).toBe("image/png");
    expect(seen.headers.get("x-content-type-options")).toBe("nosniff");
    expect(seen.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
    expect(seen.headers.get("cache-control")).toBe("private, no-cache");
    const etag = seen.headers.get("etag");
    expect(etag).toBe(added.body.etag);

    const again = await get(claire, map, { "if-none-match": etag! });
    expect(again.status).toBe(304);
    expect(again.bytes.byteLength).toBe(0);
    expect(again.headers.get("etag")).toBe(etag);
    expect((await pictureTrail(map))).toEqual([{ person: "Priya Shah", detail: { picture: "added" } }]);
  });

  it("is changed for another, of any type taken, and taken away for good", async () => {
    const map = await newMap("Jamie's network, changing pictures");
    expect((await put(priya, map, pngPicture)).status).toBe(201);
    const first = (await get(priya, map)).headers.get("etag");

    const jpeg = await put(priya, map, jpegPicture, "image/jpeg");
    expect(jpeg).toMatchObject({ status: 200, body: { contentType: "image/jpeg", width: pictureWidth, height: pictureHeight } });
    const changed = await get(claire, map, { "if-none-match": first! });
    expect(changed.status).toBe(200); // the browser's old copy is not kept
    expect(changed.headers.get("content-type")).toBe("image/jpeg");
    expect(changed.bytes).toEqual(jpegPicture);

    // What the file is comes from its bytes, not from what the sender says.
    const webp = await put(priya, map, webpPicture, "image/png");
    expect(webp).toMatchObject({ status: 200, body: { contentType: "image/webp", width: pictureWidth, height: pictureHeight } });
    expect((await get(priya, map)).headers.get("content-type")).toBe("image/webp");

    expect(await remove(priya, map)).toEqual({ status: 204, error: null });
    const gone = await get(claire, map);
    expect(gone.status).toBe(404);
    expect(errorOf(gone.bytes)).toBe("There is no picture of the young person on this map.");
    expect(await remove(priya, map)).toEqual({ status: 404, error: "There is no picture of the young person on this map." });
    expect(await server.database.db.select().from(schema.mapPictures).where(eq(schema.mapPictures.documentId, map))).toEqual([]);
    expect((await pictureTrail(map)).map((r) => r.detail)).toEqual([{ picture: "added" }, { picture: "changed" }, { picture: "changed" }, { picture: "removed" }]);
  });

  it("tells everyone with the map open, as it happens", async () => {
    const map = await newMap("Jamie's network, watched");
    const socket = io(server.url, { extraHeaders: { cookie: claire.cookie }, transports: ["websocket"] });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", () => resolve());
      socket.once("connect_error", reject);
    });
    expect(await socket.emitWithAck("presence:join", { room: `document:${map}` })).toMatchObject({ ok: true });
    let heard = 0;
    socket.on("map-picture:changed", (e: { documentId: string }) => {
      if (e.documentId === map) heard++;
    });
    await put(priya, map, pngPicture);
    await waitFor(() => heard === 1, { what: "told of the new picture" });
    await remove(priya, map);
    await waitFor(() => heard === 2, { what: "told the picture was taken away" });
  });
});

describe("what is taken as a picture", () => {
  it("refuses a file that is not a PNG, JPEG or WebP, whatever it says it is, and keeps the picture there was", async () => {
    const map = await newMap("Jamie's network, wrong files");
    await put(priya, map, pngPicture);
    const wrongType = "This file is not a picture Roundtable can take. Choose a photo or picture saved as PNG, JPEG or WebP.";
    const svg = `<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>`;
    for (const [body, type] of [
      ["These are notes, renamed picture.png", "image/png"],
      [svg, "image/png"],
      [svg, "image/svg+xml"],
      ["GIF89a", "image/gif"],
      [`{"picture":"yes"}`, "application/json"],
      ["picture=yes", "application/x-www-form-urlencoded"],
    ] as const) {
      expect(await put(priya, map, body, type)).toEqual({ status: 415, body: { error: wrongType } });
    }
    expect((await put(priya, map, new Uint8Array())).status).toBe(400);
    expect((await get(priya, map)).bytes).toEqual(pngPicture);
  });

  it("takes a picture up to 2 MB, above the 1 MB every other request is held to, and refuses one larger", async () => {
    const map = await newMap("Jamie's network, large files");
    // A PNG's first bytes, then padding: what is read of a picture is its head; its size is counted.
    const atTheLimit = new Uint8Array(mapPictureMaxBytes);
    atTheLimit.set(pngPicture);
    expect((await put(priya, map, atTheLimit)).status).toBe(201);
    expect(sameBytes((await get(priya, map)).bytes, atTheLimit)).toBe(true); // (toEqual takes seconds over 2 MB)
    const over = new Uint8Array(mapPictureMaxBytes + 1);
    over.set(jpegPicture);
    // Refused from its declared length, before it is read.
    const answer = await answerWhileSending(map, { "content-type": "image/jpeg", "content-length": String(over.byteLength) }, (req) => req.write(over));
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({ error: "This picture is too large: pictures can be up to 2 MB. Try a smaller copy of it, or a screenshot of it." });
    expect((await get(priya, map)).headers.get("content-type")).toBe("image/png");
  });

  it("refuses a streamed picture as soon as it passes 2 MB, while it is still being sent", async () => {
    const map = await newMap("Jamie's network, streamed");
    const answer = await answerWhileSending(map, { "content-type": "image/png", "transfer-encoding": "chunked" }, (req) => {
      req.write(pngPicture);
      const chunk = Buffer.alloc(64 * 1024);
      for (let sent = 0; sent < 3 * 1024 * 1024; sent += chunk.length) req.write(chunk);
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({ error: expect.stringContaining("pictures can be up to 2 MB") });
    expect((await get(priya, map)).status).toBe(404);
  });

  it("refuses a small file that would unpack to too many pixels", async () => {
    const map = await newMap("Jamie's network, a bomb");
    const bomb = new Uint8Array(pngPicture);
    new DataView(bomb.buffer).setUint32(16, 30_000);
    new DataView(bomb.buffer).setUint32(20, 30_000);
    expect(await put(priya, map, bomb)).toEqual({
      status: 413,
      body: { error: "This picture is 30000 × 30000 pixels: pictures can be up to 4096 pixels on each side. Try a smaller copy of it." },
    });
  });
});

describe("who may see and change the picture", () => {
  it("lets the family add, change and remove it, a service lead who reads the map only see it, and hides it from another family", async () => {
    const map = await newMap("Jamie's network, who may");
    await put(priya, map, pngPicture);
    const mayNotChange = "Only the family and the people who can change this map can add, change or remove the young person's picture.";
    // Parents comment on a map the family can see, and choose the picture at its centre.
    expect((await get(claire, map)).status).toBe(200);
    expect((await put(claire, map, jpegPicture, "image/jpeg")).status).toBe(200);
    expect((await get(priya, map)).bytes).toEqual(jpegPicture);
    expect((await get(angela, map)).status).toBe(200);
    expect(await put(angela, map, pngPicture)).toEqual({ status: 403, body: { error: mayNotChange } });
    expect(await remove(angela, map)).toEqual({ status: 403, error: mayNotChange });
    for (const status of [(await get(donna, map)).status, (await put(donna, map, pngPicture)).status, (await remove(donna, map)).status]) {
      expect(status).toBe(404);
    }
    const signedOut = await fetch(pictureUrl(map), { method: "PUT", headers: { "content-type": "image/png" }, body: pngPicture });
    expect(signedOut.status).toBe(401);
    expect((await get(priya, map)).bytes).toEqual(jpegPicture);
    expect((await remove(claire, map)).status).toBe(204);
    expect((await get(priya, map)).status).toBe(404);
  });

  it("is not the family's to change on a map only the professionals see", async () => {
    const made = await priya.post<DocumentDetail>(`/api/cases/${caseId}/documents`, { kind: "network-map", title: "Professionals' network", visibility: "professionals" });
    expect((await put(claire, made.body.id, pngPicture)).status).toBe(404);
  });

  it("is only for network maps", async () => {
    const plan = await priya.post<DocumentDetail>(`/api/cases/${caseId}/documents`, { kind: "care-plan", title: "A plan", visibility: "family" });
    const onlyMaps = "This document is not a network map, so it has no picture of the young person.";
    expect(await put(priya, plan.body.id, pngPicture)).toEqual({ status: 400, body: { error: onlyMaps } });
    expect(errorOf((await get(priya, plan.body.id)).bytes)).toBe(onlyMaps);
  });
});

describe("the map's downloads", () => {
  it("draw the picture in the young person's circle, in the SVG and in the PNG", async () => {
    const map = await newMap("Jamie's network, drawn");
    const withoutPicture = await download(map, "png");
    await put(priya, map, pngPicture);
    const svg = new TextDecoder().decode(await download(map, "svg"));
    expect(svg).toContain(`xlink:href="data:image/png;base64,${Buffer.from(pngPicture).toString("base64")}"`);
    expect(svg).toContain(`aria-label="Picture of Jamie Walker"`);
    expect(svg).toContain(`clip-path="url(#young-person-picture)"`);

    const png = await download(map, "png");
    expect(sameBytes(png, withoutPicture)).toBe(false);
    // The circle's middle, in the PNG's pixels: the picture's blue, not the box's pale fill.
    const image = svg.match(/<image [^>]*x="([\d.]+)" y="([\d.]+)" width="(\d+)" height="(\d+)"/)!;
    const [x, y, w, h] = image.slice(1).map(Number) as [number, number, number, number];
    const svgWidth = Number(svg.match(/<svg [^>]*width="(\d+)"/)![1]);
    const pixels = pixelsOf(png);
    const scale = pixels.width / svgWidth;
    expect(near(pixels.at((x + w / 2) * scale, (y + h / 2) * scale), pictureMiddle)).toBe(true);
    // The picture's red edge is cut away outside the circle: the corner of its square shows the box.
    expect(near(pixels.at((x + 3) * scale, (y + 3) * scale), [0xee, 0xf0, 0xff])).toBe(true);

    await put(priya, map, jpegPicture, "image/jpeg");
    expect(near(pixelsOf(await download(map, "png")).at((x + w / 2) * scale, (y + h / 2) * scale), pictureMiddle)).toBe(true);
  });

  it("keep a WebP picture in the SVG, and leave it out of the PNG, which cannot draw it", async () => {
    const map = await newMap("Jamie's network, WebP");
    const withoutPicture = await download(map, "png");
    await put(priya, map, webpPicture, "image/webp");
    expect(new TextDecoder().decode(await download(map, "svg"))).toContain(`xlink:href="data:image/webp;base64,`);
    expect(sameBytes(await download(map, "png"), withoutPicture)).toBe(true);
  });
});
