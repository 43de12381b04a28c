/**
 * A map's SVG as a PNG, rasterised by resvg with the DejaVu Sans files that come with the
 * `dejavu-fonts-ttf` package and no system fonts, so the image is the same on every machine.
 * The longest side is kept within a bound however far apart the nodes are placed, so one request
 * cannot ask for an image of any size.
 */
import { createRequire } from "node:module";
import { Resvg } from "@resvg/resvg-js";
import type { MapSvg } from "./map-svg.js";

const require = createRequire(import.meta.url);
/** The map's fonts, regular and bold, from the package (the PDF's map pages draw with them too). */
export const mapFontFiles = { regular: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"), bold: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf") };
const fontFiles = [mapFontFiles.regular, mapFontFiles.bold];

/** Pixels on the image's longest side, at most. */
export const maxPngSide = 2400;
/** Drawn at this many pixels per SVG unit when that fits, for crisp text. */
const preferredScale = 1.5;

export function rasteriseMap({ svg, width, height }: MapSvg): Buffer {
  const scale = Math.min(preferredScale, maxPngSide / Math.max(width, height));
  const resvg = new Resvg(svg, {
    fitTo: { mode: "zoom", value: scale },
    font: { loadSystemFonts: false, fontFiles, defaultFontFamily: "DejaVu Sans" },
  });
  return resvg.render().asPng();
}
