/** A series' fill as a canvas pattern: its pale colour, with its pattern drawn over in its ink (for the report's charts). */
import type { SeriesStyle } from "./chart-styles";

const tile = 10;

export function patternFill(style: SeriesStyle): CanvasPattern | string {
  if (style.pattern === "plain") return style.fill;
  const canvas = document.createElement("canvas");
  canvas.width = tile;
  canvas.height = tile;
  const pen = canvas.getContext("2d");
  if (!pen) return style.fill;
  pen.fillStyle = style.fill;
  pen.fillRect(0, 0, tile, tile);
  pen.strokeStyle = style.ink;
  pen.fillStyle = style.ink;
  pen.lineWidth = 1.25;
  const line = (x1: number, y1: number, x2: number, y2: number) => {
    pen.beginPath();
    pen.moveTo(x1, y1);
    pen.lineTo(x2, y2);
    pen.stroke();
  };
  // Diagonals run off the tile's corners so the tiles join up.
  const forward = () => {
    for (const k of [-1, 0, 1]) line(k * tile, tile, (k + 1) * tile, 0);
  };
  const back = () => {
    for (const k of [-1, 0, 1]) line(k * tile, 0, (k + 1) * tile, tile);
  };
  switch (style.pattern) {
    case "diagonal":
      forward();
      break;
    case "back-diagonal":
      back();
      break;
    case "cross":
      forward();
      back();
      break;
    case "horizontal":
      line(0, tile / 2, tile, tile / 2);
      break;
    case "vertical":
      line(tile / 2, 0, tile / 2, tile);
      break;
    case "dots":
      pen.beginPath();
      pen.arc(tile / 2, tile / 2, 1.6, 0, 2 * Math.PI);
      pen.fill();
      break;
  }
  return pen.createPattern(canvas, "repeat") ?? style.fill;
}
