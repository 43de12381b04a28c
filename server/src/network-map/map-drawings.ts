/**
 * The server's one way to draw a network map for download (ADR 0037): map.svg, map.png, and a
 * care plan's PDF with maps, which counts as a map drawing too. Each is counted against the
 * person's allowance, kept as the sign-in limits are (rate-limiter-flexible, docs/adr/0007; shared
 * by every server process when there are several, ADR 0041); the PNG and the PDF, which take seconds of CPU for a full map, are
 * drawn on a worker thread within the process's bound (map-drawing-pool.ts). Every refusal is an
 * HttpError a person can act on: 429 past their allowance, 503 when the server is busy drawing
 * other maps or a drawing took too long, 500 when drawing failed.
 */
import type { Logger } from "pino";
import type { RateLimiterAbstract } from "rate-limiter-flexible";
import type { Limiter } from "../limiter.js";
import type { Person } from "../auth/sessions.js";
import { take } from "../auth/sign-in-limits.js";
import type { MapDrawingConfig } from "../config.js";
import type { DocumentPdfContent } from "../documents/document-pdf-layout.js";
import { HttpError } from "../errors.js";
import type { MapDrawingJob } from "./map-drawing-jobs.js";
import { MapDrawingError, MapDrawingPool, type MapDrawingFailure } from "./map-drawing-pool.js";
import type { CarePlanMapsContent } from "./map-pdf-pages.js";
import { drawMapSvg, type DrawnMap } from "./map-svg.js";

export const busyDrawingMessage = "The server is busy drawing other maps; try again in a minute.";

/** What each kind of drawing says when it could not be made. */
const failedWords: Record<MapDrawingJob["kind"], Record<"too-long" | "failed", string>> = {
  png: {
    "too-long": "Drawing this map's picture took too long, so it was stopped. Try again in a few minutes, or download the map as SVG instead.",
    failed: "This map's picture could not be drawn. The map itself is safe: try again, or download it as SVG instead.",
  },
  "care-plan-pdf": {
    "too-long": "Drawing the network maps in this PDF took too long, so it was stopped. Try again in a few minutes.",
    failed: "This PDF could not be made, because drawing its network maps failed. The plan is safe: try again, or download the maps from the case page.",
  },
};

const inAMinute = { "Retry-After": "60" };

export class MapDrawings {
  readonly #pool: MapDrawingPool;
  readonly #perPerson: RateLimiterAbstract;
  readonly #config: MapDrawingConfig;

  constructor(config: MapDrawingConfig, log: Logger, limiter: Limiter) {
    this.#config = config;
    this.#pool = new MapDrawingPool(config, log);
    this.#perPerson = limiter({ keyPrefix: "map-drawings", points: config.perPerson, duration: config.windowSeconds });
  }

  /** Drawings under way and waiting, now. */
  get load(): { drawing: number; waiting: number } {
    return this.#pool.load;
  }

  /** A map as map.svg downloads it: quick to draw (a string), so drawn here, but a download all the same. */
  async svg(person: Person, map: DrawnMap): Promise<Uint8Array<ArrayBuffer>> {
    await this.#countFor(person);
    return new TextEncoder().encode(drawMapSvg(map).svg);
  }

  /** A map as the PNG map.png downloads. */
  async png(person: Person, map: DrawnMap, signal?: AbortSignal): Promise<Uint8Array<ArrayBuffer>> {
    return this.#draw(person, { kind: "png", map }, signal);
  }

  /** A care plan's whole PDF, with its maps drawn at its end. */
  async carePlanPdf(person: Person, content: DocumentPdfContent, maps: CarePlanMapsContent, signal?: AbortSignal): Promise<Buffer> {
    const bytes = await this.#draw(person, { kind: "care-plan-pdf", content, maps }, signal);
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  close(): Promise<void> {
    return this.#pool.close();
  }

  /** Takes one of the person's downloads, or refuses with a 429 saying how long to wait. */
  async #countFor(person: Person): Promise<void> {
    const wait = await take(this.#perPerson, person.id);
    if (wait !== null) {
      const minutes = Math.ceil(wait / 60_000);
      const { perPerson, windowSeconds } = this.#config;
      const window = Math.round(windowSeconds / 60) <= 1 ? "minute" : `${Math.round(windowSeconds / 60)} minutes`;
      throw new HttpError(
        429,
        `You have downloaded ${perPerson} network maps (as pictures, or in care plan PDFs) in the last ${window}, which is as many as Roundtable allows. Wait ${minutes === 1 ? "a minute" : `${minutes} minutes`}, then try again.`,
        undefined,
        { "Retry-After": String(Math.ceil(wait / 1000)) },
      );
    }
  }

  async #draw(person: Person, job: MapDrawingJob, signal: AbortSignal | undefined): Promise<Uint8Array<ArrayBuffer>> {
    await this.#countFor(person);
    try {
      return await this.#pool.draw(job, signal);
    } catch (err) {
      if (!(err instanceof MapDrawingError)) throw err;
      // Nothing was drawn for them: it does not count against the person's allowance.
      if (notDrawn.includes(err.reason)) await this.#perPerson.reward(person.id, 1);
      throw refusal(job.kind, err.reason);
    }
  }
}

const notDrawn: readonly MapDrawingFailure[] = ["busy", "cancelled", "closed"];

function refusal(kind: MapDrawingJob["kind"], reason: MapDrawingFailure): HttpError {
  switch (reason) {
    case "busy":
      return new HttpError(503, busyDrawingMessage, undefined, inAMinute);
    case "closed":
      return new HttpError(503, "The server is restarting; try again in a minute.", undefined, inAMinute);
    case "cancelled":
      return new HttpError(408, "The request was cancelled before it finished.");
    case "too-long":
      return new HttpError(503, failedWords[kind]["too-long"], undefined, inAMinute);
    case "failed":
      return new HttpError(500, failedWords[kind].failed);
  }
}
