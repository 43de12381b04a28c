/**
 * A network map drawn as SVG, from the map's own positions: each node a box with its name, role,
 * agency, contact and status in words, its kind and status also shown by its style (the young
 * person's box is larger and bold; an agency's corners are square; someone to be brought in has
 * a dashed border, someone no longer involved a dotted grey one), and each edge a line with its
 * relationship written on it. The young person's picture, when the map has one, is drawn in a circle
 * at the top of their box, inside the file (a data: address), so the file stands alone. Nothing in
 * it depends on who asks or when, so the file is the same for everyone who may see the same map.
 * Pure: no I/O.
 */
import { mapNodeKindLabels, mapNodeStatusLabels, type MapEdge, type MapNodeKind, type MapNodeStatus } from "@roundtable/domain";

/** A node as drawn: its place and kind, and what it says (linked records already looked up). */
export interface DrawnNode {
  id: string;
  kind: MapNodeKind;
  status: MapNodeStatus;
  x: number;
  y: number;
  name: string;
  role: string | null;
  agency: string | null;
  contact: string | null;
}

export interface DrawnMap {
  /** The document's title, and the child it is about. */
  title: string;
  about: string | null;
  nodes: readonly DrawnNode[];
  edges: readonly MapEdge[];
  /** The young person's picture, as a data: address, or null when the map has none. */
  picture?: string | null;
}

const font = "DejaVu Sans, Verdana, Arial, sans-serif";
const boxWidth = 240;
const lineHeight = 18;
const padding = 12;
const margin = 40;
const headerHeight = 70;
const legendHeight = 60;
/** The young person's picture: a circle this wide, with this much room above and below it. */
const pictureSize = 80;
const pictureGap = 8;
/** DejaVu Sans at 13 px averages about 7.5 px a character: what fits a line of the box. */
const charsPerLine = 28;

const statusStyle: Record<MapNodeStatus, { stroke: string; dash: string | null; text: string }> = {
  "on-board": { stroke: "#1b6e3a", dash: null, text: "#1a1a1a" },
  "to-bring-in": { stroke: "#a04a00", dash: "8 5", text: "#1a1a1a" },
  left: { stroke: "#6b6b6b", dash: "2 4", text: "#555555" },
};

const kindStyle: Record<MapNodeKind, { fill: string; corner: number; strokeWidth: number }> = {
  "young-person": { fill: "#eef0ff", corner: 24, strokeWidth: 4 },
  person: { fill: "#ffffff", corner: 12, strokeWidth: 2 },
  agency: { fill: "#f4f4f4", corner: 0, strokeWidth: 2 },
};

/** Text as XML allows it: escaped, without the control characters XML 1.0 cannot hold. */
export function xmlText(value: string): string {
  return value
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point.
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|\p{Cs}/gu, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** Words broken into lines that fit the box; the last line ends "…" when there was more. */
function wrap(text: string, maxLines: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.trim().split(/\s+/).filter(Boolean)) {
    for (let rest = word; rest.length > 0; ) {
      const room = line ? charsPerLine - line.length - 1 : charsPerLine;
      if (rest.length <= room) {
        line = line ? `${line} ${rest}` : rest;
        rest = "";
      } else if (line) {
        lines.push(line);
        line = "";
      } else {
        lines.push(rest.slice(0, charsPerLine));
        rest = rest.slice(charsPerLine);
      }
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]!.slice(0, charsPerLine - 1)}…`;
  return kept;
}

interface Line {
  text: string;
  bold?: boolean;
}

function linesOf(node: DrawnNode): Line[] {
  const lines: Line[] = wrap(node.name || "(no name)", 2).map((text) => ({ text, bold: true }));
  const kind = node.kind === "person" ? null : mapNodeKindLabels[node.kind];
  for (const detail of [kind, node.role, node.agency]) if (detail) lines.push(...wrap(detail, 1).map((text) => ({ text })));
  if (node.contact) lines.push(...wrap(node.contact, 2).map((text) => ({ text })));
  lines.push({ text: mapNodeStatusLabels[node.status] });
  return lines;
}

interface Drawn {
  node: DrawnNode;
  lines: Line[];
  /** The picture drawn in this node (the young person's), if any. */
  picture: string | null;
}

const heightOf = ({ lines, picture }: Drawn) => lines.length * lineHeight + 2 * padding + (picture ? pictureSize + pictureGap : 0);

function drawPicture(picture: string, name: string, centreX: number, top: number): string {
  const [cx, cy, r] = [round(centreX), round(top + pictureSize / 2), pictureSize / 2];
  return [
    `<clipPath id="young-person-picture"><circle cx="${cx}" cy="${cy}" r="${r}"/></clipPath>`,
    `<image xlink:href="${xmlText(picture)}" x="${round(cx - r)}" y="${round(cy - r)}" width="${pictureSize}" height="${pictureSize}" preserveAspectRatio="xMidYMid slice" clip-path="url(#young-person-picture)" role="img" aria-label="${xmlText(`Picture of ${name}`)}"/>`,
    `<circle cx="${cx}" cy="${cy}" r="${r}" fill="none" stroke="#1a1a1a" stroke-width="1"/>`,
  ].join("\n");
}

function drawNode(drawn: Drawn, dx: number, dy: number): string {
  const { node, lines, picture } = drawn;
  const status = statusStyle[node.status];
  const kind = kindStyle[node.kind];
  const height = heightOf(drawn);
  const left = node.x + dx - boxWidth / 2;
  const top = node.y + dy - height / 2;
  const textTop = picture ? top + pictureSize + pictureGap : top;
  const title = [node.name, node.role, node.agency, node.contact, mapNodeStatusLabels[node.status]].filter(Boolean).join(", ");
  const texts = lines.map(
    (line, i) =>
      `<text x="${round(left + padding)}" y="${round(textTop + padding + (i + 1) * lineHeight - 5)}"${line.bold ? ` font-weight="bold"` : ""}${line.bold && node.kind === "young-person" ? ` font-size="15"` : ""}>${xmlText(line.text)}</text>`,
  );
  return [
    `<g class="node ${node.kind} ${node.status}" fill="${status.text}">`,
    `<title>${xmlText(title)}</title>`,
    `<rect x="${round(left)}" y="${round(top)}" width="${boxWidth}" height="${height}" rx="${kind.corner}" fill="${kind.fill}" stroke="${status.stroke}" stroke-width="${kind.strokeWidth}"${status.dash ? ` stroke-dasharray="${status.dash}"` : ""}/>`,
    picture ? drawPicture(picture, node.name, left + boxWidth / 2, top + padding) : "",
    ...texts,
    "</g>",
  ].join("\n");
}

function drawEdge(edge: MapEdge, from: DrawnNode, to: DrawnNode, dx: number, dy: number): string {
  const [x1, y1, x2, y2] = [from.x + dx, from.y + dy, to.x + dx, to.y + dy];
  const label = wrap(edge.label, 1)[0] ?? "";
  const strained = edge.label.trim().toLowerCase() === "strained";
  const labelWidth = label.length * 7 + 12;
  const [mx, my] = [(x1 + x2) / 2, (y1 + y2) / 2];
  return [
    `<g class="edge">`,
    `<title>${xmlText(`${from.name} ${edge.label ? `(${edge.label}) ` : ""}${to.name}`)}</title>`,
    `<line x1="${round(x1)}" y1="${round(y1)}" x2="${round(x2)}" y2="${round(y2)}" stroke="${strained ? "#b3261e" : "#444444"}" stroke-width="2"${strained ? ` stroke-dasharray="6 4"` : ""}/>`,
    label
      ? `<rect x="${round(mx - labelWidth / 2)}" y="${round(my - 11)}" width="${labelWidth}" height="20" rx="4" fill="#ffffff" stroke="#cccccc"/><text x="${round(mx)}" y="${round(my + 4)}" text-anchor="middle" fill="#1a1a1a">${xmlText(label)}</text>`
      : "",
    "</g>",
  ].join("\n");
}

function drawLegend(top: number): string {
  const items = (Object.keys(statusStyle) as MapNodeStatus[]).map((status, i) => {
    const { stroke, dash } = statusStyle[status];
    const x = margin + i * 200;
    return `<rect x="${x}" y="${top}" width="28" height="18" rx="4" fill="#ffffff" stroke="${stroke}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ""}/><text x="${x + 36}" y="${top + 14}">${mapNodeStatusLabels[status]}</text>`;
  });
  return `<g class="legend" fill="#1a1a1a">${items.join("")}</g>`;
}

export interface MapSvg {
  svg: string;
  width: number;
  height: number;
}

export function drawMapSvg(map: DrawnMap): MapSvg {
  // One picture, in the young person's box (the first, should a map ever hold two).
  const pictured = map.picture ? map.nodes.find((n) => n.kind === "young-person") : undefined;
  const drawn: Drawn[] = map.nodes.map((node) => ({ node, lines: linesOf(node), picture: node === pictured ? (map.picture ?? null) : null }));
  const byId = new Map(map.nodes.map((n) => [n.id, n]));
  let [minX, minY, maxX, maxY] = [0, 0, 600, 0];
  if (drawn.length > 0) {
    [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const d of drawn) {
      const { node } = d;
      const half = heightOf(d) / 2;
      minX = Math.min(minX, node.x - boxWidth / 2);
      maxX = Math.max(maxX, node.x + boxWidth / 2);
      minY = Math.min(minY, node.y - half);
      maxY = Math.max(maxY, node.y + half);
    }
  }
  const width = Math.ceil(Math.max(maxX - minX + 2 * margin, 640));
  const dx = margin - minX;
  const dy = margin + headerHeight - minY;
  const bodyBottom = maxY + dy + margin;
  const height = Math.ceil(bodyBottom + legendHeight);
  const heading = `${map.title}${map.about ? ` (about ${map.about})` : ""}`;
  const edges = map.edges.flatMap((edge) => {
    const from = byId.get(edge.from);
    const to = byId.get(edge.to);
    return from && to && from !== to ? [drawEdge(edge, from, to, dx, dy)] : [];
  });
  const svg = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="map-title map-desc" font-family="${font}" font-size="13">`,
    `<title id="map-title">${xmlText(`Professional network map: ${heading}`)}</title>`,
    `<desc id="map-desc">${xmlText(`${map.nodes.length} people and services, ${map.edges.length} connections.`)}</desc>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="${margin}" y="${margin + 8}" font-size="20" font-weight="bold" fill="#1a1a1a">${xmlText(heading)}</text>`,
    drawn.length === 0 ? `<text x="${margin}" y="${margin + headerHeight}" fill="#1a1a1a">Nobody is on this map yet.</text>` : "",
    ...edges,
    ...drawn.map((d) => drawNode(d, dx, dy)),
    drawLegend(bodyBottom),
    "</svg>",
    "",
  ].join("\n");
  return { svg, width, height };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
